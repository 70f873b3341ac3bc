using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Payments;

/// <summary>A voucher in the back office's list.</summary>
public sealed record VoucherRow(int Id, string Code, string What, string Balance, bool Spent, DateOnly ExpiresOn, bool Expired, string RecipientName, string BuyerName, DateTimeOffset LocalIssued, IReadOnlyList<VoucherUse> Uses);

/// <summary>One use of a voucher, as the list shows it.</summary>
public sealed record VoucherUse(decimal AmountGbp, DateTimeOffset LocalUsed, int? AppointmentId, string? Reference);

/// <summary>What a code typed for a visit comes to: its standing, the message beside the field, and the voucher when it can be used.</summary>
public sealed record VoucherCheck(VoucherStanding Standing, string? Message, string? Code, VoucherState? State, int? VoucherId)
{
    public bool Usable => Standing == VoucherStanding.Usable;
}

/// <summary>A voucher's PDF, ready to download.</summary>
public sealed record VoucherFile(byte[] Pdf, string FileName);

/// <summary>
/// Gift vouchers: issued by Paul (a fresh code each), listed with their balances, printed as a PDF,
/// checked when a client types a code at booking (held for the visit) and used when Paul finishes
/// the visit (<see cref="RedeemAsync"/>, in his unit of work).
/// </summary>
public sealed class Vouchers(AppDbContext db, PracticeClock clock, IOptions<PracticeOptions> practice, ILogger<Vouchers> logger)
{
    /// <summary>Stores a new voucher under a fresh code (drawn again in the unlikely event it is taken).</summary>
    public async Task<Voucher> IssueAsync(VoucherTerms terms, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        string code;
        do
        {
            code = VoucherCodes.New();
        }
        while (await db.Vouchers.AnyAsync(v => v.Code == code, cancellationToken));

        var voucher = Voucher.Issue(terms, code, clock.UtcNow);
        db.Vouchers.Add(voucher);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Voucher {VoucherId} issued", voucher.Id);
        return voucher;
    }

    /// <summary>Every voucher, newest first, with its uses.</summary>
    public async Task<IReadOnlyList<VoucherRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var vouchers = await db.Vouchers.AsNoTracking().Include(v => v.Service).Include(v => v.Redemptions).ThenInclude(r => r.Appointment)
            .OrderByDescending(v => v.IssuedUtc).ToListAsync(cancellationToken);
        var today = clock.Today;
        return vouchers.Select(v => new VoucherRow(v.Id, v.Code, What(v), VoucherRules.Balance(State(v), v.ValueGbp), v.IsSpent, v.ExpiresOn, v.ExpiresOn < today,
            v.RecipientName, v.BuyerName, clock.ToLocal(v.IssuedUtc),
            v.Redemptions.OrderBy(r => r.RedeemedUtc).Select(r => new VoucherUse(r.AmountGbp, clock.ToLocal(r.RedeemedUtc), r.AppointmentId, r.Appointment?.Reference)).ToList())).ToList();
    }

    /// <summary>The printable voucher; null when there is no such voucher.</summary>
    public async Task<VoucherFile?> PdfAsync(int id, CancellationToken cancellationToken = default)
    {
        var voucher = await db.Vouchers.AsNoTracking().Include(v => v.Service).SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (voucher is null)
        {
            return null;
        }

        var options = practice.Value;
        var facts = new VoucherFacts(voucher.Code, What(voucher), voucher.RecipientName, voucher.BuyerName, voucher.ExpiresOn, clock.LocalDay(voucher.IssuedUtc));
        var issuer = new VoucherIssuer(options.Name, options.TherapistName, options.Phone, options.Email, options.BaseUrl.TrimEnd('/') + "/book");
        return new VoucherFile(VoucherDocument.Create(facts, issuer), $"gift-voucher-{voucher.Code}.pdf");
    }

    /// <summary>
    /// Whether a typed code can pay for a visit of this treatment and length on this day. What was
    /// typed that is not a code at all is "not recognised", like a code that does not exist.
    /// </summary>
    public async Task<VoucherCheck> CheckAsync(string? typed, int serviceId, int minutes, DateTime visitStartUtc, CancellationToken cancellationToken = default)
    {
        var code = VoucherCodes.Normalise(typed);
        var voucher = code is null ? null : await db.Vouchers.AsNoTracking().Include(v => v.Service).SingleOrDefaultAsync(v => v.Code == code, cancellationToken);
        var state = voucher is null ? null : State(voucher);
        var standing = VoucherRules.Check(state, clock.Today, clock.LocalDay(visitStartUtc), serviceId, minutes);
        return new VoucherCheck(standing, VoucherRules.Message(standing, state), code, state, voucher?.Id);
    }

    /// <summary>Whether a typed code can pay for this visit (its treatment, length and day).</summary>
    public async Task<VoucherCheck> CheckForVisitAsync(string? typed, int appointmentId, CancellationToken cancellationToken = default)
    {
        var visit = await db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId)
            .Select(a => new { a.ServiceId, a.DurationMinutes, a.StartUtc }).SingleAsync(cancellationToken);
        return await CheckAsync(typed, visit.ServiceId, visit.DurationMinutes, visit.StartUtc, cancellationToken);
    }

    /// <summary>Keeps the code a client gave when booking the visit with this reference, for the visit (it is used only then).</summary>
    public async Task HoldAsync(string reference, int voucherId, CancellationToken cancellationToken = default)
    {
        var appointmentId = await db.Appointments.Where(a => a.Reference == reference).Select(a => a.Id).SingleAsync(cancellationToken);
        db.VoucherHolds.Add(new VoucherHold { AppointmentId = appointmentId, VoucherId = voucherId, HeldUtc = clock.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Voucher {VoucherId} held for booking {Reference}", voucherId, reference);
    }

    /// <summary>The code held for a visit and what the voucher is worth now; null when none was given.</summary>
    public Task<(string Code, string Balance)?> HeldAsync(int appointmentId, CancellationToken cancellationToken = default) =>
        HeldAsync(db.VoucherHolds.Where(h => h.AppointmentId == appointmentId), cancellationToken);

    /// <summary>The code held for the visit with this reference (its manage page shows it).</summary>
    public Task<(string Code, string Balance)?> HeldAsync(string reference, CancellationToken cancellationToken = default) =>
        HeldAsync(db.VoucherHolds.Where(h => db.Appointments.Any(a => a.Id == h.AppointmentId && a.Reference == reference)), cancellationToken);

    private async Task<(string Code, string Balance)?> HeldAsync(IQueryable<VoucherHold> holds, CancellationToken cancellationToken)
    {
        var voucher = await db.Vouchers.AsNoTracking().Include(v => v.Service).Where(v => holds.Any(h => h.VoucherId == v.Id)).SingleOrDefaultAsync(cancellationToken);
        return voucher is null ? null : (voucher.Code, VoucherRules.Balance(State(voucher), voucher.ValueGbp));
    }

    /// <summary>
    /// Uses the voucher for a finished visit, in the caller's unit of work: it pays what it covers of
    /// <paramref name="dueGbp"/> (the rest is paid as usual) and the use is recorded. The message
    /// when the code cannot be used, or what it paid.
    /// </summary>
    public async Task<(decimal CoveredGbp, string? Error, Voucher? Voucher)> RedeemAsync(Appointment appointment, string? typed, decimal dueGbp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var check = await CheckAsync(typed, appointment.ServiceId, appointment.DurationMinutes, appointment.StartUtc, cancellationToken);
        if (!check.Usable)
        {
            return (0m, check.Message, null);
        }

        var voucher = await db.Vouchers.SingleAsync(v => v.Id == check.VoucherId, cancellationToken);
        var covered = VoucherRules.Covers(check.State!, dueGbp);
        if (covered > 0)
        {
            voucher.Redeem(VoucherRules.Uses(check.State!, covered), appointment.Id, clock.UtcNow);
        }

        return (covered, null, voucher);
    }

    /// <summary>What the voucher is for, in words: "£50" or "A 60-minute Deep tissue massage".</summary>
    public static string What(Voucher voucher)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        return voucher.Kind == VoucherKind.Treatment
            ? $"A {voucher.Minutes}-minute {voucher.Service?.Name}"
            : $"{Wording.Money(voucher.ValueGbp)} towards any treatment";
    }

    private static VoucherState State(Voucher v) => new(v.Kind, v.BalanceGbp, v.ExpiresOn, v.ServiceId, v.Minutes, v.Service?.Name);
}
