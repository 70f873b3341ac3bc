namespace PaulMassage.Web.Infrastructure.Data.Encryption;

/// <summary>
/// Stores the property encrypted with ASP.NET Core Data Protection (see <see cref="ColumnProtector"/>).
/// Put it on any entity property that holds health or other sensitive data: strings, enums
/// (flags included), numbers, booleans and dates are supported. An encrypted column cannot be
/// searched, sorted or compared in a query: filter on other columns and read the value in memory.
/// The same can be said in an entity configuration with <c>builder.Property(x => x.Notes).IsEncrypted()</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EncryptedAttribute : Attribute;
