using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.UnitTests.Features.Booking;

public sealed class TheBookingFormMapper
{
    private static readonly DateTime Start = new(2027, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    internal static BookingForm ValidForm() => new()
    {
        Service = "deep-tissue-massage",
        Minutes = 60,
        Postcode = "se1 7pb",
        Start = Start,
        Name = "  Ann Example ",
        Email = " ann@example.com ",
        Phone = "07700 900123",
        Address = new()
        {
            AddressLine1 = "1 Test Street ",
            AddressLine2 = "   ",
            Town = "London",
            AccessNotes = " Buzzer 4, cat in the hall ",
        },
        Intake = new()
        {
            MainComplaint = " Aching lower back after long days at a desk ",
            PainAreas = [BodyArea.LowerBack, BodyArea.Hips],
            PainIntensity = 6,
            Duration = PainDuration.SixToTwelveWeeks,
            Feelings = [PainFeeling.MuscleAcheOrTension, PainFeeling.Stiffness],
            Contraindications = [Contraindication.Pregnancy],
            MedicalHistory = "",
            NoRedFlags = true,
        },
        ConsentToHealthData = true,
        AcceptCancellationPolicy = true,
    };

    /// <summary>
    /// What MVC and the controller do: the data annotations (of the form and its nested questions,
    /// under their prefixes), the postcode check, then the mapper.
    /// </summary>
    private static (BookingRequest? Request, ModelStateDictionary State) Map(BookingForm form, Booker? booker = null)
    {
        var state = new ModelStateDictionary();
        Annotate(state, form, string.Empty);
        Annotate(state, form.Address, nameof(BookingForm.Address) + ".");
        Annotate(state, form.Intake, nameof(BookingForm.Intake) + ".");
        var postcode = VisitChoiceRules.CheckPostcode(form.Postcode, state);
        return (postcode is null ? null : BookingFormMapper.ToRequest(form, postcode, state, booker ?? new Booker.Anonymous()), state);
    }

    private static void Annotate(ModelStateDictionary state, object model, string prefix)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
            {
                state.AddModelError(prefix + member, result.ErrorMessage!);
            }
        }
    }

    /// <summary>Sets the property at a path such as "Address.Town".</summary>
    private static void Set(object model, string path, object? value)
    {
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            model = model.GetType().GetProperty(part)!.GetValue(model)!;
        }

        model.GetType().GetProperty(parts[^1])!.SetValue(model, value);
    }

    [Fact]
    public void books_a_signed_in_client_with_the_accounts_confirmed_address_whatever_the_form_says()
    {
        var form = ValidForm();
        form.Email = "not-an-address";

        var (request, state) = Map(form, new Booker.Account("user-1", "owner@example.com"));

        Assert.True(state.IsValid);
        Assert.Equal("owner@example.com", request!.Email);
        Assert.Equal(new Booker.Account("user-1", "owner@example.com"), request.Booker);
    }

    [Fact]
    public void books_someone_not_signed_in_with_the_address_typed_and_as_anonymous()
    {
        var (request, _) = Map(ValidForm());

        Assert.Equal("ann@example.com", request!.Email);
        Assert.IsType<Booker.Anonymous>(request.Booker);
    }

    private static void AssertRefused(BookingForm form, string field, string message)
    {
        var (request, state) = Map(form);

        Assert.Null(request);
        Assert.True(state.TryGetValue(field, out var entry), $"No error on {field}.");
        Assert.Contains(message, entry!.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void turns_a_valid_form_into_a_request_with_trimmed_text_and_combined_answers()
    {
        var (request, state) = Map(ValidForm());

        Assert.True(state.IsValid);
        Assert.NotNull(request);
        Assert.Equal("deep-tissue-massage", request.ServiceSlug);
        Assert.Equal(60, request.Minutes);
        Assert.Equal(Start, request.StartUtc);
        Assert.Equal("SE1 7PB", request.Postcode.ToString());
        Assert.Equal("Ann Example", request.Name);
        Assert.Equal("ann@example.com", request.Email);
        Assert.Equal("07700 900123", request.Phone);
        Assert.Equal("1 Test Street", request.AddressLine1);
        Assert.Null(request.AddressLine2);
        Assert.Equal("London", request.Town);
        Assert.Equal("Buzzer 4, cat in the hall", request.AccessNotes);
        Assert.Equal("Aching lower back after long days at a desk", request.Intake.MainComplaint);
        Assert.Equal(BodyArea.LowerBack | BodyArea.Hips, request.Intake.PainAreas);
        Assert.Equal(6, request.Intake.PainIntensity);
        Assert.Equal(PainDuration.SixToTwelveWeeks, request.Intake.Duration);
        Assert.Equal(PainFeeling.MuscleAcheOrTension | PainFeeling.Stiffness, request.Intake.Feelings);
        Assert.Equal(Contraindication.Pregnancy, request.Intake.Contraindications);
        Assert.Null(request.Intake.MedicalHistory);
        Assert.Equal(RedFlag.None, request.Intake.RedFlags);
    }

    [Fact]
    public void passes_ticked_red_flags_on_for_screening()
    {
        var form = ValidForm();
        form.Intake.NoRedFlags = false;
        form.Intake.RedFlags = [RedFlag.SaddleNumbness, RedFlag.ConstantPainAtNight];

        var (request, _) = Map(form);

        Assert.Equal(RedFlag.SaddleNumbness | RedFlag.ConstantPainAtNight, request!.Intake.RedFlags);
    }

    public static TheoryData<string, string> RequiredFields => new()
    {
        { nameof(BookingForm.Start), "Choose a time for the visit." },
        { nameof(BookingForm.Name), "Enter your name." },
        { nameof(BookingForm.Email), "Enter your e-mail address." },
        { nameof(BookingForm.Phone), "Enter a phone number Paul can reach you on." },
        { "Address.AddressLine1", "Enter the first line of the address." },
        { "Address.Town", "Enter the town or city." },
        { "Intake.MainComplaint", "Tell us in a few words what the problem is." },
        { "Intake.PainIntensity", "Choose how strong the pain is, from 0 to 10." },
        { "Intake.Duration", "Choose how long you have had the pain." },
        { nameof(BookingForm.Postcode), "Enter the postcode of the address Paul will visit." },
        { nameof(BookingForm.Service), "Choose a treatment." },
        { nameof(BookingForm.Minutes), "Choose how long the visit should be." },
    };

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void refuses_a_form_missing_a_required_answer(string field, string message)
    {
        var form = ValidForm();
        Set(form, field, null);

        AssertRefused(form, field, message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void refuses_blank_text_as_missing(string blank)
    {
        var form = ValidForm();
        form.Name = blank;

        AssertRefused(form, nameof(BookingForm.Name), "Enter your name.");
    }

    [Theory]
    [InlineData("ann")]
    [InlineData("ann@")]
    [InlineData("@example.com")]
    [InlineData("victim;attacker@evil.example")]
    [InlineData("ann@example.com, bob@example.com")]
    public void refuses_an_e_mail_address_that_is_not_one(string email)
    {
        var form = ValidForm();
        form.Email = email;

        AssertRefused(form, nameof(BookingForm.Email), MailboxAttribute.Message);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("call me")]
    [InlineData("07700 900123 ext 4")]
    [InlineData("0770090012300000000000")]
    public void refuses_a_phone_number_that_is_not_one(string phone)
    {
        var form = ValidForm();
        form.Phone = phone;

        AssertRefused(form, nameof(BookingForm.Phone), "Enter a UK phone number, for example 07700 900123.");
    }

    [Theory]
    [InlineData("07700 900123")]
    [InlineData("+44 7700 900123")]
    [InlineData("(020) 7946 0000")]
    [InlineData("020-7946-0000")]
    public void accepts_the_usual_ways_of_writing_a_phone_number(string phone)
    {
        var form = ValidForm();
        form.Phone = phone;

        Assert.NotNull(Map(form).Request);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void refuses_a_pain_intensity_outside_0_to_10(int intensity)
    {
        var form = ValidForm();
        form.Intake.PainIntensity = intensity;

        AssertRefused(form, "Intake.PainIntensity", "Choose a number from 0 to 10.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void accepts_the_ends_of_the_pain_scale(int intensity)
    {
        var form = ValidForm();
        form.Intake.PainIntensity = intensity;

        Assert.Equal(intensity, Map(form).Request!.Intake.PainIntensity);
    }

    [Fact]
    public void refuses_text_longer_than_its_column()
    {
        var form = ValidForm();
        form.Name = new string('a', 101);
        form.Intake.MainComplaint = new string('a', 2001);

        AssertRefused(form, nameof(BookingForm.Name), "Your name can be at most 100 characters.");
        AssertRefused(form, "Intake.MainComplaint", "Please keep this under 2,000 characters.");
    }

    [Fact]
    public void asks_where_it_hurts()
    {
        var form = ValidForm();
        form.Intake.PainAreas = [];

        AssertRefused(form, "Intake.PainAreas", "Choose at least one place where it hurts.");
    }

    [Fact]
    public void asks_what_the_pain_feels_like()
    {
        var form = ValidForm();
        form.Intake.Feelings = [];

        AssertRefused(form, "Intake.Feelings", "Choose at least one description of the pain.");
    }

    [Fact]
    public void asks_for_an_answer_to_the_red_flag_question()
    {
        var form = ValidForm();
        form.Intake.NoRedFlags = false;

        AssertRefused(form, "Intake.RedFlags", "Tick any of these that apply, or tick \"None of these apply to me\".");
    }

    [Fact]
    public void refuses_a_red_flag_ticked_together_with_none_of_these()
    {
        var form = ValidForm();
        form.Intake.RedFlags = [RedFlag.BackPainWithFever];

        AssertRefused(form, "Intake.RedFlags", "You ticked a symptom and also \"None of these apply\". Please check your answer.");
    }

    [Fact]
    public void screens_only_the_red_flags_that_were_offered()
    {
        Assert.Equal(RedFlag.None, new IntakeQuestions { RedFlags = [] }.TickedRedFlags);
        Assert.Equal(RedFlag.None, new IntakeQuestions { RedFlags = [(RedFlag)512, RedFlag.None] }.TickedRedFlags);
        Assert.Equal(
            RedFlag.SaddleNumbness | RedFlag.ConstantPainAtNight,
            new IntakeQuestions { RedFlags = [RedFlag.ConstantPainAtNight, (RedFlag)512, RedFlag.SaddleNumbness] }.TickedRedFlags);
    }

    [Fact]
    public void needs_consent_to_keep_health_data()
    {
        var form = ValidForm();
        form.ConsentToHealthData = false;

        AssertRefused(form, nameof(BookingForm.ConsentToHealthData), "Paul needs your consent to keep this health information before he can treat you.");
    }

    [Fact]
    public void needs_the_cancellation_policy_accepted()
    {
        var form = ValidForm();
        form.AcceptCancellationPolicy = false;

        AssertRefused(form, nameof(BookingForm.AcceptCancellationPolicy), "Please accept the cancellation policy.");
    }

    public static TheoryData<Action<BookingForm>> MadeUpAnswers => new()
    {
        f => f.Intake.PainAreas = [(BodyArea)128],
        f => f.Intake.PainAreas = [BodyArea.None],
        f => f.Intake.PainAreas = [BodyArea.Neck | BodyArea.Legs],
        f => f.Intake.Feelings = [(PainFeeling)1024],
        f => f.Intake.Contraindications = [(Contraindication)4096],
        f => { f.Intake.NoRedFlags = false; f.Intake.RedFlags = [(RedFlag)512]; },
        f => f.Intake.Duration = (PainDuration)9,
        f => f.Intake.Duration = 0,
    };

    [Theory]
    [MemberData(nameof(MadeUpAnswers))]
    public void refuses_an_answer_that_was_not_one_of_the_choices(Action<BookingForm> change)
    {
        var form = ValidForm();
        change(form);

        AssertRefused(form, string.Empty, "One of the answers was not one of the choices offered. Please check the form.");
    }

    [Theory]
    [InlineData("SE1")]
    [InlineData("not a postcode")]
    public void refuses_a_postcode_that_is_not_a_full_uk_one(string postcode)
    {
        var form = ValidForm();
        form.Postcode = postcode;

        AssertRefused(form, nameof(BookingForm.Postcode), "Enter a full UK postcode, for example SE1 7PB.");
    }

    [Fact]
    public void reports_every_problem_at_once()
    {
        var form = ValidForm();
        form.Intake.PainAreas = [];
        form.Intake.Feelings = [];
        form.ConsentToHealthData = false;
        form.AcceptCancellationPolicy = false;
        form.Email = "nope";

        var (request, state) = Map(form);

        Assert.Null(request);
        Assert.Equal(5, state.ErrorCount);
    }
}
