using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Articles;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Calendar;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Pages;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Plans;
using PaulMassage.Web.Features.Reviews;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.Web.Infrastructure.Data;

/// <summary>
/// The one database context, Identity included. Each provider has a small subclass so that it can
/// keep a migration set of its own (see <see cref="SqliteAppDbContext"/>). It also holds the Data
/// Protection key ring, so every instance of the site shares the keys that encrypt cookies and the
/// [Encrypted] columns.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Service> Services => Set<Service>();

    public DbSet<ServiceOption> ServiceOptions => Set<ServiceOption>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<SitePage> SitePages => Set<SitePage>();

    public DbSet<TherapistCredentials> TherapistCredentials => Set<TherapistCredentials>();

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<AppointmentEvent> AppointmentEvents => Set<AppointmentEvent>();

    public DbSet<SlotClaim> SlotClaims => Set<SlotClaim>();

    public DbSet<TravelTurn> TravelTurns => Set<TravelTurn>();

    public DbSet<VisitSeries> VisitSeries => Set<VisitSeries>();

    public DbSet<IntakeAssessment> IntakeAssessments => Set<IntakeAssessment>();

    public DbSet<PracticeSettings> PracticeSettings => Set<PracticeSettings>();

    public DbSet<WorkingHours> WorkingHours => Set<WorkingHours>();

    public DbSet<TimeOff> TimeOff => Set<TimeOff>();

    public DbSet<ScheduleVersion> ScheduleVersions => Set<ScheduleVersion>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<TreatmentNote> TreatmentNotes => Set<TreatmentNote>();

    public DbSet<CourseOfTreatment> Courses => Set<CourseOfTreatment>();

    public DbSet<PaymentSettings> PaymentSettings => Set<PaymentSettings>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<Voucher> Vouchers => Set<Voucher>();

    public DbSet<VoucherRedemption> VoucherRedemptions => Set<VoucherRedemption>();

    public DbSet<VoucherHold> VoucherHolds => Set<VoucherHold>();

    public DbSet<PackagePrice> PackagePrices => Set<PackagePrice>();

    public DbSet<PackagePurchase> PackagePurchases => Set<PackagePurchase>();

    public DbSet<CreditNote> CreditNotes => Set<CreditNote>();

    public DbSet<SelfHelpItem> SelfHelpItems => Set<SelfHelpItem>();

    public DbSet<CarePlan> CarePlans => Set<CarePlan>();

    public DbSet<CarePlanItem> CarePlanItems => Set<CarePlanItem>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Identity keeps authenticator keys and recovery codes in AspNetUserTokens: encrypt them too.
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().Property(t => t.Value).IsEncrypted();

        // Last, so that it sees every [Encrypted] property and .IsEncrypted() configuration.
        builder.UseEncryptedColumns(this.ColumnProtector());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Every instant is stored in UTC; mark it so when it is read back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(9, 2);
    }
}

/// <summary>The SQLite flavour, the embedded default.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The SQL Server flavour, for production.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
