using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PaulMassage.Web.Infrastructure.Data.Encryption;

/// <summary>
/// Encrypts and decrypts column values with Data Protection (AES-256-CBC + HMACSHA256 by default),
/// whose keys live in the database's DataProtectionKeys table so every instance of the site shares
/// them. A stored value is "enc1:" followed by the protected payload; a value without the prefix is
/// a row written before encryption was switched on and is read as it is until it is re-saved.
/// </summary>
public sealed class ColumnProtector
{
    public const string Prefix = "enc1:";
    public const string Purpose = "PaulMassage.EncryptedColumns.v1";

    private readonly IDataProtector? protector;

    public ColumnProtector(IDataProtectionProvider provider) =>
        protector = (provider ?? throw new ArgumentNullException(nameof(provider))).CreateProtector(Purpose);

    private ColumnProtector() => protector = null;

    /// <summary>For `dotnet ef` at design time, where no value is ever converted.</summary>
    public static ColumnProtector DesignTime { get; } = new();

    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public string Protect(string plaintext) => Prefix + Protector.Protect(plaintext);

    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!IsProtected(stored))
        {
            return stored;
        }

        try
        {
            return Protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException ex)
        {
            throw new CryptographicException("An encrypted column could not be decrypted: is the Data Protection key ring the one this database was written with?", ex);
        }
    }

    private IDataProtector Protector => protector
        ?? throw new InvalidOperationException("Encrypted columns need the site's Data Protection services; this context was built at design time.");
}
