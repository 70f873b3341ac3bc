namespace PaulMassage.Web.Features.Privacy;

/// <summary>
/// What an export or erasure covers: some visits of one or more client records, and
/// (<see cref="WholeRecord"/>) what belongs to those records rather than to one visit, such as
/// courses of treatment. A manage link reaches its own booking only, never the whole record; an
/// account's export covers every record the account owns (<see cref="ClientIds"/> holds them all),
/// erasure one record at a time.
/// </summary>
public sealed record PersonalDataScope(IReadOnlyCollection<int> ClientIds, IReadOnlyCollection<int> AppointmentIds, bool WholeRecord);

/// <summary>
/// A feature that keeps personal data of its own about a client (treatment notes, e-mails sent,
/// plans...) registers one of these (services.AddScoped&lt;IPersonalDataHandler, MyHandler&gt;()), so that
/// the client's data export includes it and erasure removes it, in the same transaction as the
/// rest. Work on the scoped AppDbContext and do not call SaveChanges: the privacy service saves once.
/// </summary>
public interface IPersonalDataHandler
{
    /// <summary>The name of this feature's section in the JSON export, for example "treatmentNotes".</summary>
    string Section { get; }

    /// <summary>This feature's data within the scope, ready to serialise to JSON.</summary>
    Task<object?> ExportAsync(PersonalDataScope scope, CancellationToken cancellationToken);

    /// <summary>Deletes or anonymises this feature's data within the scope.</summary>
    Task EraseAsync(PersonalDataScope scope, CancellationToken cancellationToken);
}
