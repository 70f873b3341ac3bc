namespace PaulMassage.Web.Features.Privacy;

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

    /// <summary>This feature's data about the given appointments of the client, ready to serialise to JSON.</summary>
    Task<object?> ExportAsync(int clientId, IReadOnlyCollection<int> appointmentIds, CancellationToken cancellationToken);

    /// <summary>Deletes or anonymises this feature's data about the client and all their appointments.</summary>
    Task EraseAsync(int clientId, IReadOnlyCollection<int> appointmentIds, CancellationToken cancellationToken);
}
