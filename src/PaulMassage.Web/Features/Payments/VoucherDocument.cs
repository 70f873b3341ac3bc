using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PaulMassage.Web.Features.Payments;

/// <summary>A voucher as the printed gift shows it.</summary>
public sealed record VoucherFacts(string Code, string What, string RecipientName, string BuyerName, DateOnly ExpiresOn, DateOnly IssuedOn);

/// <summary>Who gives the voucher: the practice, and where to book.</summary>
public sealed record VoucherIssuer(string PracticeName, string TherapistName, string Phone, string Email, string BookingUrl);

/// <summary>
/// A printable gift voucher (PDFsharp, the receipts' font): for whom, from whom, what it is worth,
/// the code in large letters, the last day, and how to use it.
/// </summary>
public static class VoucherDocument
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static byte[] Create(VoucherFacts voucher, VoucherIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        ArgumentNullException.ThrowIfNull(issuer);
        ReceiptFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"{issuer.PracticeName} gift voucher";
        document.Info.Author = issuer.PracticeName;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var writer = new PdfLines(gfx);
            writer.Text(issuer.PracticeName, 18, bold: true);
            writer.Text($"Massage for back pain in your own home, with {issuer.TherapistName}", 10);
            writer.Gap(24);
            var boxTop = writer.Y;
            writer.Gap(14);
            writer.Text("GIFT VOUCHER", 22, bold: true, x: PdfLines.Left + 16, width: PdfLines.Width - 32);
            writer.Gap(6);
            if (voucher.RecipientName.Length > 0)
            {
                writer.Text($"For {voucher.RecipientName}", 14, x: PdfLines.Left + 16, width: PdfLines.Width - 32);
            }

            if (voucher.BuyerName.Length > 0)
            {
                writer.Text($"From {voucher.BuyerName}", 12, x: PdfLines.Left + 16, width: PdfLines.Width - 32);
            }

            writer.Gap(10);
            writer.Text(voucher.What, 16, bold: true, x: PdfLines.Left + 16, width: PdfLines.Width - 32);
            writer.Gap(10);
            writer.Text("Your code", 10, x: PdfLines.Left + 16, width: PdfLines.Width - 32);
            writer.Text(voucher.Code, 26, bold: true, x: PdfLines.Left + 16, width: PdfLines.Width - 32);
            writer.Gap(6);
            writer.Text($"Use it by {voucher.ExpiresOn.ToString("d MMMM yyyy", British)}.", 11, x: PdfLines.Left + 16, width: PdfLines.Width - 32);
            writer.Gap(14);
            gfx.DrawRectangle(new XPen(XColor.FromArgb(47, 111, 79), 2), PdfLines.Left, boxTop, PdfLines.Width, writer.Y - boxTop);
            writer.Gap(18);
            writer.Text("How to use it", 11, bold: true);
            writer.Text($"Book a home visit at {issuer.BookingUrl} and type the code on the last step, or give it to {issuer.TherapistName} at the visit.", 10);
            writer.Text("What the voucher does not cover is paid at the visit as usual; anything left on it stays on the code until the date above.", 10);
            writer.Text("It cannot be exchanged for cash. Keep the code safe: whoever has it can use it.", 10);
            writer.Gap(10);
            writer.Text($"Questions: {issuer.Phone} · {issuer.Email}", 9);
            writer.Text($"Issued on {voucher.IssuedOn.ToString("d MMMM yyyy", British)}.", 9);
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}
