using System.Globalization;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.DataGenerator;

/// <summary>A bookable length of one service, as the generator picks them.</summary>
internal sealed record ServiceChoice(int ServiceId, int Minutes, decimal PriceGbp);

/// <summary>What to generate. The same seed, counts and day give the same rows.</summary>
internal sealed record GeneratorSettings(int Appointments, int Seed, int PastYears);

/// <summary>Rows ready to insert, keys already assigned.</summary>
internal sealed class GeneratedPractice
{
    public List<Client> Clients { get; } = [];

    public List<Appointment> Appointments { get; } = [];

    public List<IntakeAssessment> Intakes { get; } = [];

    public List<AppointmentEvent> Events { get; } = [];

    public List<SlotClaim> Claims { get; } = [];

    /// <summary>One per completed visit (paid at the visit by cash or card, by bank transfer some days later, or still owed) and per missed visit the practice charges a fee for.</summary>
    public List<Payment> Payments { get; } = [];
}

/// <summary>
/// A practice's history made up from a seeded <see cref="Random"/>: the calendar of the weeks
/// ahead looks the same whatever the total (a few visits on each working day, most confirmed, some
/// still requested, a few cancelled), and everything else is years of past visits, mostly
/// completed, with the odd cancellation, decline and no-show. So a larger database holds more
/// history, not a fuller diary, which is how a real practice grows.
/// </summary>
internal sealed class PracticeGenerator(GeneratorSettings settings, IReadOnlyList<ServiceChoice> choices, AvailabilityRules rules, PaymentSettings terms, PracticeClock clock)
{
    /// <summary>How far ahead the diary is filled: a little past the booking horizon.</summary>
    public const int FutureDays = 63;

    private static readonly string[] FirstNames =
    [
        "Amelia", "Oliver", "Isla", "George", "Ava", "Harry", "Mia", "Noah", "Grace", "Jack", "Sophie", "Leo",
        "Freya", "Arthur", "Lily", "Oscar", "Evie", "Charlie", "Poppy", "Thomas", "Ruby", "James", "Alice", "William",
        "Priya", "Mohammed", "Chloe", "Daniel", "Hannah", "Samuel", "Zara", "Joseph",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Khan",
        "Hughes", "Edwards", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "King", "Baker",
    ];

    private static readonly string[] Streets =
    [
        "Abbey Road", "Baker Street", "Canal Walk", "Dean Street", "Elm Row", "Fleet Lane", "Grove Terrace",
        "Harbour Close", "Ivy Mews", "Jubilee Way", "Kings Road", "Lime Street", "Mill Lane", "Newton Place",
    ];

    private static readonly string[] Complaints =
    [
        "Stiff lower back after long days at a desk",
        "Aching shoulders and upper back",
        "Tight neck and headaches at the end of the week",
        "Low back pain since moving house",
        "Knots between the shoulder blades",
        "Sore hips and lower back from running",
    ];

    private static readonly string[] Districts = ["SE1", "SE11", "SW1A", "SW3", "E1", "E14", "EC1", "N1", "W1", "WC1"];

    private const string ReferenceAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly Random _random = new(settings.Seed);

    /// <summary>
    /// Draws for what the visits' own draws did not decide (late cancellations, payments): a second
    /// sequence from the same seed, so adding them left every visit of a seed as it was.
    /// </summary>
    private readonly Random _money = new(unchecked((settings.Seed * 31) + 7));
    private readonly HashSet<string> _references = new(StringComparer.Ordinal);

    /// <summary>The generated practice's payment settings: every method, paid at the visit, a fee for a no-show and for a late cancellation.</summary>
    public static PaymentSettings PaymentTerms() => new()
    {
        BankDetails = "Paul Massage, sort code 00-00-00, account 12345678",
        NoShowFeeGbp = 40m,
        LateCancellationFeeGbp = 30m,
        ReceiptAddress = "12 Example Road\nLondon SE1 7PB",
    };

    public GeneratedPractice Generate()
    {
        var today = clock.Today;
        var future = FutureDiary(today);
        var past = PastVisits(today, Math.Max(0, settings.Appointments - future.Count));
        var all = past.Concat(future).OrderBy(a => a.CreatedUtc).ThenBy(a => a.StartUtc).ToList();

        var practice = new GeneratedPractice();
        var clientCount = Math.Max(20, settings.Appointments / 8);
        var oldest = all.Count > 0 ? all[0].CreatedUtc : clock.UtcNow;
        for (var i = 0; i < clientCount; i++)
        {
            practice.Clients.Add(NewClient(i + 1, oldest));
        }

        var eventId = 0;
        for (var i = 0; i < all.Count; i++)
        {
            var appointment = all[i];
            appointment.Id = i + 1;

            // Some clients come back often: squaring the draw favours the first ones.
            var client = practice.Clients[(int)(clientCount * Math.Pow(_random.NextDouble(), 2))];
            appointment.ClientId = client.Id;
            if (appointment.CreatedUtc < client.CreatedUtc)
            {
                client.CreatedUtc = appointment.CreatedUtc;
            }

            foreach (var change in appointment.History)
            {
                change.Id = ++eventId;
                change.AppointmentId = appointment.Id;
            }

            foreach (var claim in appointment.SlotClaims)
            {
                claim.AppointmentId = appointment.Id;
            }

            var intake = appointment.Intake!;
            intake.Id = appointment.Id;
            intake.AppointmentId = appointment.Id;

            practice.Appointments.Add(appointment);
            practice.Intakes.Add(intake);
            practice.Events.AddRange(appointment.History);
            practice.Claims.AddRange(appointment.SlotClaims);
        }

        practice.Payments.AddRange(Payments(practice.Appointments, terms));
        return practice;
    }

    /// <summary>
    /// The money of the visits, as Paul records it: for each completed visit the price (now and then
    /// less a discount), by card or cash at the end of the visit, by bank transfer one to five days
    /// later, or owed (a transfer not in yet, or one in twenty-five that never came); for each no-show
    /// and late cancellation the practice's fee (<paramref name="terms"/>), recorded as owed and paid
    /// later by transfer or card, or never. Receipt numbers follow the order the money came in, one
    /// sequence with no gaps.
    /// </summary>
    private List<Payment> Payments(IEnumerable<Appointment> visits, PaymentSettings terms)
    {
        var now = clock.UtcNow;
        var planned = new List<(Appointment Visit, PaymentKind Kind, decimal Amount, PaymentMethods Method, DateTime Recorded, DateTime? Paid)>();
        foreach (var visit in visits)
        {
            if (visit.Status == AppointmentStatus.Completed)
            {
                var recorded = visit.EndUtc.AddMinutes(10);
                var amount = _money.NextDouble() < 0.1 ? Math.Max(0m, visit.PriceGbp - 10m) : visit.PriceGbp;
                var (method, paid) = _money.NextDouble() switch
                {
                    < 0.45 => (PaymentMethods.Card, (DateTime?)recorded),
                    < 0.75 => (PaymentMethods.Cash, recorded),
                    < 0.96 => (PaymentMethods.BankTransfer, recorded.AddDays(_money.Next(1, 6)).AddHours(_money.Next(0, 10))),
                    _ => (PaymentMethods.None, null),
                };
                planned.Add((visit, PaymentKind.Visit, amount, method, recorded, paid));
                continue;
            }

            var kind = visit.Status == AppointmentStatus.NoShow ? PaymentKind.NoShowFee : visit.CancelledLate ? PaymentKind.LateCancellationFee : PaymentKind.Visit;
            if (kind == PaymentKind.Visit || PaymentRules.FeeFor(kind, terms) is not decimal fee)
            {
                continue;
            }

            // Recorded when Paul marks the visit: after its end for a no-show, when the client called for a late cancellation.
            var marked = kind == PaymentKind.NoShowFee ? visit.EndUtc.AddMinutes(30) : visit.History[^1].AtUtc;
            var (feeMethod, feePaid) = _money.NextDouble() switch
            {
                < 0.55 => (PaymentMethods.BankTransfer, (DateTime?)marked.AddDays(_money.Next(1, 15)).AddHours(_money.Next(0, 10))),
                < 0.75 => (PaymentMethods.Card, marked.AddDays(_money.Next(7, 30))),
                _ => (PaymentMethods.None, null),
            };
            planned.Add((visit, kind, fee, feeMethod, marked, feePaid));
        }

        // Money not in by now is still owed.
        planned = planned.Select(p => p.Paid > now ? p with { Method = PaymentMethods.None, Paid = null } : p).ToList();
        var receipt = 0;
        var numbers = planned.Where(p => p.Paid is not null).OrderBy(p => p.Paid).ThenBy(p => p.Visit.Id)
            .ToDictionary(p => p.Visit.Id, _ => ++receipt);
        return planned.Select(p =>
        {
            if (p.Paid is not DateTime paid)
            {
                return Payment.Record(p.Visit.Id, p.Kind, p.Amount, PaymentMethods.None, null, p.Recorded);
            }

            if (paid == p.Recorded)
            {
                return Payment.Record(p.Visit.Id, p.Kind, p.Amount, p.Method, numbers[p.Visit.Id], paid);
            }

            var owedFirst = Payment.Record(p.Visit.Id, p.Kind, p.Amount, PaymentMethods.None, null, p.Recorded);
            owedFirst.Settle(p.Method, numbers[p.Visit.Id], paid);
            return owedFirst;
        }).ToList();
    }

    /// <summary>
    /// The weeks ahead: visits one after another through each working day, never overlapping, each
    /// starting no sooner than Paul can drive there (<see cref="TravelTimes"/>): from home for the
    /// day's first, from the visit before for the others.
    /// </summary>
    private List<Appointment> FutureDiary(DateOnly today)
    {
        var visits = new List<Appointment>();
        var grid = AvailabilityRules.GridMinutes;
        var travel = rules.Travel;
        for (var day = today; day < today.AddDays(FutureDays); day = day.AddDays(1))
        {
            // Where Paul is and from when: home until the day's first visit, then the last visit's place.
            (TimeOnly End, int? Zone)? last = null;
            foreach (var period in rules.WeeklyHours.Where(p => p.Day == day.DayOfWeek).OrderBy(p => p.Opens))
            {
                var cursor = period.Opens.AddMinutes(grid * _random.Next(0, 5));
                while (true)
                {
                    var choice = choices[_random.Next(choices.Count)];
                    var end = cursor.AddMinutes(choice.Minutes);
                    if (end > period.Closes || end < cursor)
                    {
                        break;
                    }

                    // Leave some of the day free, as a real diary does.
                    if (_random.NextDouble() < 0.65)
                    {
                        var postcode = NewPostcode();
                        var zone = travel.ZoneOf(postcode);
                        var reachable = last is (var lastEnd, var lastZone)
                            ? Later(lastEnd, travel.Minutes(lastZone, zone))
                            : Later(period.Opens, travel.FromHome(zone));
                        if (reachable > cursor)
                        {
                            cursor = RoundUpToGrid(reachable);
                            end = cursor.AddMinutes(choice.Minutes);
                            if (end > period.Closes || end < cursor)
                            {
                                break; // not there in time in this opening
                            }
                        }

                        var visit = FutureVisit(day, cursor, choice, postcode, out var proposedAtUtc);
                        visits.Add(visit);

                        // The therapist offered another time: the next start the diary would have
                        // used in the same opening (after the drive from the visit's place to the
                        // same place), which it then leaves to the proposal. The visit holds both
                        // times until the client answers, as in the back office.
                        var proposed = RoundUpToGrid(end.AddMinutes(travel.Minutes(zone, zone)));
                        var proposedEnd = proposed.AddMinutes(choice.Minutes);
                        if (proposedAtUtc is DateTime answered && proposedEnd <= period.Closes && proposedEnd > proposed)
                        {
                            visit.ProposeTime(clock.ToUtc(day, proposed), travel.ShortestMinutes, "therapist", answered);
                            end = proposedEnd;
                        }

                        last = (end, zone);
                    }

                    // At least the shortest drive; the drive to the next visit's own place is added once it is drawn.
                    var gap = travel.ShortestMinutes + (grid * _random.Next(0, 7));
                    var next = end.AddMinutes(gap);
                    if (next < end)
                    {
                        break; // past midnight
                    }

                    cursor = RoundUpToGrid(next);
                }
            }
        }

        return visits;
    }

    /// <summary>A time of day some minutes later, or the day's last moment when that is past midnight.</summary>
    private static TimeOnly Later(TimeOnly time, int minutes)
    {
        var later = time.AddMinutes(minutes);
        return later < time ? TimeOnly.MaxValue : later;
    }

    /// <param name="postcode">The visit's place, drawn first to know the drive there.</param>
    /// <param name="proposedAtUtc">When the therapist answered with another time, for the caller to
    /// propose one; the visit is then left requested (null: no proposal).</param>
    private Appointment FutureVisit(DateOnly day, TimeOnly start, ServiceChoice choice, string postcode, out DateTime? proposedAtUtc)
    {
        proposedAtUtc = null;
        var startUtc = clock.ToUtc(day, start);
        var now = clock.UtcNow;
        var created = Earlier(now, minDays: 0, maxDays: 20);
        var appointment = NewAppointment(choice, startUtc, created, postcode);
        var answered = Min(created.AddHours(_random.Next(1, 30)), now);
        var roll = _random.NextDouble();
        if (roll < 0.60)
        {
            appointment.ChangeStatus(AppointmentStatus.Confirmed, "therapist", answered);
        }
        else if (roll < 0.63)
        {
            proposedAtUtc = answered;
        }
        else if (roll < 0.68)
        {
            appointment.ChangeStatus(AppointmentStatus.Cancelled, BookingService.ClientActor, answered, "Plans changed");
        }
        else if (roll < 0.70)
        {
            appointment.Decline("Paul is away that day.", "therapist", answered);
        }

        return appointment;
    }

    /// <summary>Years of finished visits, spread over the working hours of past days.</summary>
    private List<Appointment> PastVisits(DateOnly today, int count)
    {
        var visits = new List<Appointment>(count);
        var spanDays = Math.Max(1, settings.PastYears * 365);
        while (visits.Count < count)
        {
            var day = today.AddDays(-_random.Next(1, spanDays + 1));
            var periods = rules.WeeklyHours.Where(p => p.Day == day.DayOfWeek).ToList();
            if (periods.Count == 0)
            {
                continue;
            }

            var period = periods[_random.Next(periods.Count)];
            var choice = choices[_random.Next(choices.Count)];
            var latestStart = (int)((period.Closes - period.Opens).TotalMinutes - choice.Minutes) / AvailabilityRules.GridMinutes;
            if (latestStart < 0)
            {
                continue;
            }

            var start = period.Opens.AddMinutes(AvailabilityRules.GridMinutes * _random.Next(0, latestStart + 1));
            var startUtc = clock.ToUtc(day, start);
            var created = Earlier(startUtc, minDays: 1, maxDays: 30);
            var appointment = NewAppointment(choice, startUtc, created);
            var answered = created.AddHours(_random.Next(1, 24));
            var roll = _random.NextDouble();
            if (roll < 0.08)
            {
                appointment.Decline("Paul is fully booked that week.", "therapist", answered);
            }
            else if (roll < 0.13)
            {
                appointment.ChangeStatus(AppointmentStatus.Cancelled, BookingService.ClientActor, answered, "Feeling better");
            }
            else
            {
                appointment.ChangeStatus(AppointmentStatus.Confirmed, "therapist", answered);
                var after = appointment.EndUtc.AddMinutes(30);
                roll = _random.NextDouble();
                if (roll < 0.04)
                {
                    var cancelled = Max(answered.AddHours(1), startUtc.AddHours(-_random.Next(25, 72)));
                    if (_money.NextDouble() < 0.4)
                    {
                        // Called off inside the notice period, by phone: Paul records it.
                        appointment.CancelLateByClient("therapist", Max(answered.AddMinutes(30), startUtc.AddHours(-_money.Next(2, 20))));
                    }
                    else
                    {
                        appointment.ChangeStatus(AppointmentStatus.Cancelled, BookingService.ClientActor, cancelled, "Unwell");
                    }
                }
                else if (roll < 0.07)
                {
                    appointment.ChangeStatus(AppointmentStatus.NoShow, "therapist", after);
                }
                else
                {
                    appointment.ChangeStatus(AppointmentStatus.Completed, "therapist", after);
                }
            }

            visits.Add(appointment);
        }

        return visits;
    }

    /// <param name="postcode">The place, when the caller drew it first (to know the drive there); else drawn here.</param>
    private Appointment NewAppointment(ServiceChoice choice, DateTime startUtc, DateTime createdUtc, string? postcode = null)
    {
        // Every value is drawn in the same order for a seed, so a seed always gives the same practice.
        var contraindication = _random.NextDouble() < 0.06 ? Contraindication.BloodThinners : Contraindication.None;
        var street = Streets[_random.Next(Streets.Length)];
        var keys = new VisitKeys(NewReference(), NewToken(), ProtectedToken: null);
        var addressLine1 = string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1, 200)} {street}");
        postcode ??= NewPostcode();
        var accessNotes = _random.NextDouble() < 0.2 ? "Ring the top bell; parking on the street." : null;
        Guid? firstVersion = NewGuid();
        var intake = new IntakeDetails(
            MainComplaint: Complaints[_random.Next(Complaints.Length)],
            PainAreas: (BodyArea)(1 << _random.Next(0, 7)) | BodyArea.LowerBack,
            PainIntensity: _random.Next(2, 9),
            Duration: (PainDuration)_random.Next(1, 4),
            Feelings: (PainFeeling)(1 << _random.Next(0, 5)),
            Contraindications: contraindication,
            MedicalHistory: null,
            RedFlags: RedFlag.None);

        // The visit's version stamps come from the seed too: the first one drawn above, the rest as it changes.
        Guid Versions()
        {
            if (firstVersion is { } first)
            {
                firstVersion = null;
                return first;
            }

            return NewGuid();
        }

        return Appointment.Request(
            new VisitPlan(choice.ServiceId, choice.Minutes, choice.PriceGbp, startUtc, addressLine1, null, "London", postcode, accessNotes, intake),
            client: null, keys, BookingService.ClientActor, createdUtc, rules.Travel.ShortestMinutes, versions: Versions);
    }

    private Client NewClient(int id, DateTime createdUtc)
    {
        var first = FirstNames[_random.Next(FirstNames.Length)];
        var last = LastNames[_random.Next(LastNames.Length)];
        var email = string.Create(CultureInfo.InvariantCulture, $"{first}.{last}.{id}@example.com").ToLowerInvariant();
        return new Client
        {
            Id = id,
            Name = $"{first} {last}",
            Email = email,
            NormalizedEmail = Client.Normalize(email),
            Phone = string.Create(CultureInfo.InvariantCulture, $"07700 900{id % 1000:D3}"),
            CreatedUtc = createdUtc,
        };
    }

    private string NewReference()
    {
        Span<char> chars = stackalloc char[6];
        string reference;
        do
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = ReferenceAlphabet[_random.Next(ReferenceAlphabet.Length)];
            }

            reference = "PM-" + new string(chars);
        }
        while (!_references.Add(reference));

        return reference;
    }

    private string NewToken()
    {
        var bytes = new byte[32];
        _random.NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }

    private Guid NewGuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private string NewPostcode()
    {
        const string letters = "ABDEFGHJLNPQRSTUWXYZ";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Districts[_random.Next(Districts.Length)]} {_random.Next(1, 10)}{letters[_random.Next(letters.Length)]}{letters[_random.Next(letters.Length)]}");
    }

    private DateTime Earlier(DateTime instant, int minDays, int maxDays) =>
        instant.AddDays(-_random.Next(minDays, maxDays + 1)).AddMinutes(-_random.Next(0, 24 * 60));

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static TimeOnly RoundUpToGrid(TimeOnly time)
    {
        var minutes = (int)Math.Ceiling(time.ToTimeSpan().TotalMinutes / AvailabilityRules.GridMinutes) * AvailabilityRules.GridMinutes;
        return minutes >= 24 * 60 ? TimeOnly.MaxValue : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes));
    }
}
