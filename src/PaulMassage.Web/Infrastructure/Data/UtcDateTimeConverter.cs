using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PaulMassage.Web.Infrastructure.Data;

/// <summary>Stores DateTime values as UTC and reads them back with <see cref="DateTimeKind.Utc"/>.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
