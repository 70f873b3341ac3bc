using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PaulMassage.Web.Infrastructure.Data.Encryption;

public static class EncryptionModelExtensions
{
    /// <summary>The model annotation that marks an encrypted property.</summary>
    public const string Annotation = "PaulMassage:Encrypted";

    /// <summary>Stores this property encrypted, like <see cref="EncryptedAttribute"/>.</summary>
    public static PropertyBuilder<TProperty> IsEncrypted<TProperty>(this PropertyBuilder<TProperty> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        property.HasAnnotation(Annotation, true);
        return property;
    }

    public static bool IsEncrypted(this IReadOnlyProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.FindAnnotation(Annotation)?.Value is true
            || property.PropertyInfo?.GetCustomAttribute<EncryptedAttribute>() is not null;
    }

    /// <summary>
    /// Gives every property marked [Encrypted] (or .IsEncrypted()) an encrypting value converter and
    /// an unbounded text column: ciphertext is longer than the text it hides. Call it last in
    /// OnModelCreating, after the entity configurations.
    /// </summary>
    public static ModelBuilder UseEncryptedColumns(this ModelBuilder builder, ColumnProtector protector)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(protector);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(p => p.IsEncrypted()).ToList())
        {
            if (property.IsKey() || property.IsForeignKey() || property.IsIndex())
            {
                throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is a key or indexed, so it cannot be encrypted.");
            }

            var valueType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            var converter = (ValueConverter)Activator.CreateInstance(typeof(EncryptedValueConverter<>).MakeGenericType(valueType), protector)!;
            property.SetAnnotation(Annotation, true);
            property.SetValueConverter(converter);
            property.SetMaxLength(null);
            property.SetProviderClrType(null);
        }

        return builder;
    }

    /// <summary>The context's Data Protection column protector, or the design-time stand-in when the site's services are not there.</summary>
    public static ColumnProtector ColumnProtector(this DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.GetService<IDbContextOptions>();
        var applicationServices = options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        return applicationServices?.GetService(typeof(ColumnProtector)) as ColumnProtector ?? Encryption.ColumnProtector.DesignTime;
    }
}
