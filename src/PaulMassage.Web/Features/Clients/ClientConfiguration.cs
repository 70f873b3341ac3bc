using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PaulMassage.Web.Features.Clients;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.NormalizedEmail).HasMaxLength(254);

        // One record of its own per address; any number of provisional ones (bookings by people who
        // have not shown the address is theirs). Double quotes: standard SQL, read by SQLite and SQL Server alike.
        builder.HasIndex(c => c.NormalizedEmail).IsUnique().HasFilter("\"Provisional\" = 0").HasDatabaseName("IX_Clients_NormalizedEmail_AddressRecord");
        builder.Property(c => c.Phone).HasMaxLength(30);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.HasIndex(c => c.UserId);
    }
}
