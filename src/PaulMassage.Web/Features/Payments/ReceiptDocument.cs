using System.Globalization;
using PaulMassage.Web.Features.Pages;
using PaulMassage.Web.Features.Site;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace PaulMassage.Web.Features.Payments;

/// <summary>Who issues the receipt: the practice and the therapist, from the settings.</summary>
public sealed record ReceiptIssuer(string PracticeName, string Address, string Phone, string Email, string TherapistName, CredentialsView Credentials, PaymentSettings Settings);

/// <summary>
/// The font the PDFs use, shipped with the app as embedded resources (DejaVu Sans, under the
/// Bitstream Vera licence, Features/Payments/Fonts): a Linux server has no system fonts to rely on.
/// PDFsharp takes one resolver for the whole process, set once.
/// </summary>
public sealed class ReceiptFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();

    private static readonly ReceiptFonts Instance = new();

    private ReceiptFonts()
    {
    }

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not ReceiptFonts)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(ReceiptFonts).Assembly.GetManifestResourceStream($"PaulMassage.Web.Features.Payments.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>
/// A receipt as a PDF (PDFsharp): the practice and therapist, the client, the visit, the amount, how
/// it was paid and the receipt's number. Made afresh each time from the stored payment, so a copy
/// always has the same number; one made after the day it was paid says "Copy".
/// </summary>
public static class ReceiptDocument
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsCopy(ReceiptFacts receipt, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return DateOnly.FromDateTime(receipt.LocalPaid.DateTime) < today;
    }

    /// <summary>"card", or with a gift voucher "gift voucher £50.00 and card £20.00".</summary>
    public static string PaidBy(ReceiptFacts receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.PackageFirstReceipt is int first && first != receipt.Number)
        {
            return $"course package, paid on receipt {PaymentRules.ReceiptLabel(first)}";
        }

        if (receipt.VoucherGbp <= 0)
        {
            return PaymentRules.Name(receipt.Method);
        }

        var voucher = $"gift voucher {receipt.VoucherGbp.ToString("C2", British)}";
        return receipt.AmountGbp > 0 ? $"{voucher} and {PaymentRules.Name(receipt.Method)} {receipt.AmountGbp.ToString("C2", British)}" : voucher;
    }

    public static byte[] Create(ReceiptFacts receipt, ReceiptIssuer issuer, bool copy)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(issuer);
        ReceiptFonts.EnsureRegistered();
        using var document = new PdfDocument();
        var label = PaymentRules.ReceiptLabel(receipt.Number);
        document.Info.Title = $"{issuer.PracticeName} receipt {label}{(copy ? " (copy)" : null)}";
        document.Info.Author = issuer.PracticeName;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var writer = new PdfLines(gfx);
            writer.Text(issuer.PracticeName, 18, bold: true);
            foreach (var line in issuer.Address.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                writer.Text(line, 10);
            }

            writer.Text($"Phone {issuer.Phone} · {issuer.Email}", 10);
            writer.Gap(14);
            writer.Text(copy ? $"RECEIPT {label} (COPY)" : $"RECEIPT {label}", 16, bold: true);
            if (copy)
            {
                writer.Text($"Copy of the receipt issued on {receipt.LocalPaid.ToString("d MMMM yyyy", British)}, with the same number.", 10);
            }

            writer.Text($"Date paid: {receipt.LocalPaid.ToString("d MMMM yyyy", British)}", 10);
            writer.Gap(10);
            writer.Text("Treatment given by", 11, bold: true);
            writer.Text(issuer.TherapistName, 10);
            foreach (var qualification in issuer.Credentials.Qualifications)
            {
                writer.Text(qualification, 10);
            }

            if (issuer.Credentials.ProfessionalBody.Length > 0)
            {
                writer.Text($"Member of {issuer.Credentials.ProfessionalBody}" + (issuer.Credentials.MembershipNumber.Length > 0 ? $", membership number {issuer.Credentials.MembershipNumber}" : string.Empty), 10);
            }

            if (issuer.Credentials.Insurance.Length > 0)
            {
                writer.Text($"Insurance: {issuer.Credentials.Insurance}", 10);
            }

            writer.Gap(10);
            writer.Text("Received from", 11, bold: true);
            writer.Text(receipt.ClientName, 10);
            writer.Gap(10);
            writer.Row("Visit", $"{receipt.LocalVisit.ToString("dddd d MMMM yyyy, HH:mm", British)} (ref {receipt.Reference})");
            writer.Row("Treatment", receipt.Kind == PaymentKind.Visit
                ? $"{receipt.ServiceName}, {receipt.DurationMinutes} minutes, at the client's home"
                : $"{char.ToUpperInvariant(PaymentRules.KindName(receipt.Kind)[0])}{PaymentRules.KindName(receipt.Kind)[1..]} ({receipt.ServiceName}, {receipt.DurationMinutes} minutes, not given)");
            if (receipt.PackageVisits is int visits && receipt.PackageFirstReceipt == receipt.Number)
            {
                writer.Row("Course", $"{visits} visits of {receipt.ServiceName}, {receipt.DurationMinutes} minutes, paid together: this visit is the first");
            }

            writer.Row("Amount", (receipt.AmountGbp + receipt.VoucherGbp).ToString("C2", British));
            writer.Row("Paid by", PaidBy(receipt));
            writer.Gap(10);
            var settings = issuer.Settings;
            writer.Text(settings.VatRegistered
                ? $"VAT number {settings.VatNumber}. The amount includes VAT at {settings.VatRatePercent:0.##}%: {Wording.Money(PaymentRules.VatIncluded(receipt.AmountGbp + receipt.VoucherGbp, settings.VatRatePercent))}."
                : "Not VAT-registered: no VAT is charged.", 10);
            writer.Gap(10);
            writer.Text("Please keep this receipt: most health cash plans ask for it with a claim.", 9);
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}

/// <summary>Writes lines down a PDF page (receipts, vouchers), wrapping long ones.</summary>
internal sealed class PdfLines(XGraphics gfx)
{
    public const double Left = 56;
    public const double Width = 483;

    private double y = 64;

    /// <summary>How far down the page the next line goes, in points.</summary>
    public double Y => y;

    public void Gap(double points) => y += points;

    public void Text(string text, double size, bool bold = false, double x = Left, double width = Width)
    {
        var font = new XFont(ReceiptFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        foreach (var line in Wrap(text, font, width))
        {
            gfx.DrawString(line, font, XBrushes.Black, new XPoint(x, y + size));
            y += size * 1.45;
        }
    }

    public void Row(string label, string value)
    {
        var top = y;
        Text(label, 10, bold: true);
        var afterLabel = y;
        y = top;
        Text(value, 10, x: Left + 110, width: Width - 110);
        y = Math.Max(y, afterLabel) + 2;
    }

    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }
}
