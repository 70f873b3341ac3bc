using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Plans;

/// <summary>One of the four treatments as the plan form offers it, with the sentence it starts from when nothing points to it.</summary>
public sealed record TreatmentOption(int ServiceId, string Slug, string Name, string Summary);

/// <summary>The plan form: a row per treatment and per self-help item offered. Unticked boxes send nothing.</summary>
public sealed class PlanForm
{
    public List<TechniqueField> Techniques { get; set; } = [];

    public List<SelfHelpField> SelfHelp { get; set; } = [];

    /// <summary>Where to go back to (a back-office page); the client's record when empty.</summary>
    public string? ReturnUrl { get; set; }
}

public sealed class TechniqueField
{
    public int ServiceId { get; set; }

    public bool UsedToday { get; set; }

    public bool Planned { get; set; }

    public string? Reason { get; set; }
}

public sealed class SelfHelpField
{
    public int ItemId { get; set; }

    public bool Chosen { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// What a plan starts from and what makes it one Paul can give: plain rules, no database. A new
/// client's first plan starts from the intake's recommendation (<see cref="ServiceRecommender"/>),
/// a later one from the version before it, so after a later visit Paul changes only what changed.
/// </summary>
public static class CarePlanRules
{
    public const string PlanField = "Plan";

    /// <summary>
    /// The form a plan starts from: this visit's version as it stands; else the client's latest
    /// version (its techniques and self-help, the treatment of this visit marked as used); else the
    /// intake's recommendation, each suggested treatment planned with its reason, the visit's own
    /// treatment marked as used.
    /// </summary>
    public static PlanForm Start(IReadOnlyList<TreatmentOption> treatments, int visitServiceId, PainFeeling? feelings, PlanContent? thisVisit, PlanContent? previous)
    {
        ArgumentNullException.ThrowIfNull(treatments);
        if (thisVisit is not null)
        {
            return FromContent(treatments, thisVisit, usedToday: null);
        }

        if (previous is not null)
        {
            return FromContent(treatments, previous, usedToday: visitServiceId);
        }

        var suggested = ServiceRecommender.Explain(feelings ?? PainFeeling.None);
        return new PlanForm
        {
            Techniques = treatments.Select(t =>
            {
                var reason = suggested.FirstOrDefault(r => r.Slug == t.Slug)?.Reason;
                var visitTreatment = t.ServiceId == visitServiceId;
                return new TechniqueField
                {
                    ServiceId = t.ServiceId,
                    UsedToday = visitTreatment,
                    Planned = reason is not null || (visitTreatment && suggested.Count == 0),
                    Reason = reason ?? t.Summary,
                };
            }).ToList(),
        };
    }

    /// <summary>The plan as the form gives it, or what is wrong beside each field (kept as typed).</summary>
    public static (PlanContent? Content, IReadOnlyList<FieldError> Errors) Check(PlanForm form, IReadOnlyCollection<int> treatmentIds, IReadOnlyCollection<int> offeredItemIds)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(treatmentIds);
        ArgumentNullException.ThrowIfNull(offeredItemIds);
        var errors = new List<FieldError>();
        var techniques = new List<PlannedTechnique>();
        for (var i = 0; i < form.Techniques.Count; i++)
        {
            var t = form.Techniques[i];
            if (!t.UsedToday && !t.Planned)
            {
                continue;
            }

            var field = $"Techniques[{i}].Reason";
            if (!treatmentIds.Contains(t.ServiceId) || techniques.Any(x => x.ServiceId == t.ServiceId))
            {
                errors.Add(new FieldError(field, "Choose the treatments from the list only."));
            }
            else if (string.IsNullOrWhiteSpace(t.Reason))
            {
                errors.Add(new FieldError(field, "Say in a sentence why: the client reads it in their plan."));
            }
            else if (t.Reason.Trim().Length > CarePlanTechnique.ReasonMaxLength)
            {
                errors.Add(new FieldError(field, $"Keep the reason to one sentence, at most {CarePlanTechnique.ReasonMaxLength} characters."));
            }
            else
            {
                techniques.Add(new PlannedTechnique(t.ServiceId, t.UsedToday, t.Planned, t.Reason.Trim()));
            }
        }

        var chosen = new List<ChosenSelfHelp>();
        for (var i = 0; i < form.SelfHelp.Count; i++)
        {
            var s = form.SelfHelp[i];
            var field = $"SelfHelp[{i}].Note";
            if (s.Note?.Trim().Length > CarePlanItem.NoteMaxLength)
            {
                errors.Add(new FieldError(field, $"Keep the note short, at most {CarePlanItem.NoteMaxLength} characters."));
                continue;
            }

            if (!s.Chosen)
            {
                continue;
            }

            if (!offeredItemIds.Contains(s.ItemId) || chosen.Any(x => x.SelfHelpItemId == s.ItemId))
            {
                errors.Add(new FieldError(field, "Choose the self-help from the list only."));
            }
            else
            {
                chosen.Add(new ChosenSelfHelp(s.ItemId, string.IsNullOrWhiteSpace(s.Note) ? null : s.Note.Trim()));
            }
        }

        if (errors.Count == 0 && techniques.Count == 0 && chosen.Count == 0)
        {
            errors.Add(new FieldError(PlanField, "Tick at least one treatment or one piece of self-help: an empty plan tells the client nothing."));
        }

        return errors.Count == 0 ? (new PlanContent(techniques, chosen), errors) : (null, errors);
    }

    private static PlanForm FromContent(IReadOnlyList<TreatmentOption> treatments, PlanContent content, int? usedToday) => new()
    {
        Techniques = treatments.Select(t =>
        {
            var kept = content.Techniques.FirstOrDefault(x => x.ServiceId == t.ServiceId);
            return new TechniqueField
            {
                ServiceId = t.ServiceId,
                UsedToday = usedToday is int visit ? t.ServiceId == visit : kept?.UsedToday == true,
                Planned = kept?.Planned == true,
                Reason = kept?.Reason ?? t.Summary,
            };
        }).ToList(),
        SelfHelp = content.SelfHelp.Select(s => new SelfHelpField { ItemId = s.SelfHelpItemId, Chosen = true, Note = s.Note }).ToList(),
    };
}
