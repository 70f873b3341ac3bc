using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.IntegrationTests.Infrastructure.Data.Encryption;

/// <summary>Intake answers are encrypted in the database with keys that the database itself shares between instances.</summary>
public sealed class TheHealthDataAtRest(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private const string Complaint = "Sciatica-7f3 since digging the allotment";
    private const string History = "Takes warfarin-x9 every morning";

    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task is_stored_as_ciphertext_that_the_raw_table_and_files_do_not_reveal()
    {
        var visit = await BookSensitiveVisitAsync();
        await using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MainComplaint, MedicalHistory, PainAreas, PainIntensity, Duration, Feelings, Contraindications FROM IntakeAssessments WHERE AppointmentId = $id";
        command.Parameters.AddWithValue("$id", visit.Id);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var raw = reader.GetString(i);
                Assert.StartsWith(ColumnProtector.Prefix, raw, StringComparison.Ordinal);
                Assert.DoesNotContain("Sciatica", raw, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("warfarin", raw, StringComparison.OrdinalIgnoreCase);
            }
        }

        await using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        foreach (var file in Directory.EnumerateFiles(Factory.Folder, "practice.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Sciatica-7f3")));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("warfarin-x9")));
        }
    }

    [Fact]
    public async Task reads_back_as_the_client_wrote_it_for_the_therapist()
    {
        var visit = await BookSensitiveVisitAsync();
        var intake = await Factory.WithDbAsync(db => db.IntakeAssessments.AsNoTracking().SingleAsync(i => i.AppointmentId == visit.Id));
        Assert.Equal(Complaint, intake.MainComplaint);
        Assert.Equal(History, intake.MedicalHistory);
        Assert.Equal(Contraindication.BloodThinners | Contraindication.Pregnancy, intake.Contraindications);
        Assert.Equal(BodyArea.LowerBack | BodyArea.Legs, intake.PainAreas);
        Assert.Equal(7, intake.PainIntensity);

        using var therapist = await Factory.TherapistAsync(followRedirects: false);
        var admin = await therapist.GetStringAsync("/admin");
        Assert.Contains("Taking blood-thinning medicine", admin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task keeps_its_keys_in_the_database_so_a_second_instance_reads_what_the_first_wrote()
    {
        var visit = await BookSensitiveVisitAsync();
        Assert.True(await Factory.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));

        using var secondInstance = new PracticeAppFactory();
        secondInstance.Settings["ConnectionStrings:Sqlite"] = $"Data Source={Factory.DatabasePath}";
        var intake = await secondInstance.WithDbAsync(db => db.IntakeAssessments.AsNoTracking().SingleAsync(i => i.AppointmentId == visit.Id));
        Assert.Equal(Complaint, intake.MainComplaint);
    }

    [Fact]
    public async Task encrypts_answers_stored_before_encryption_at_the_next_start()
    {
        var visit = await BookSensitiveVisitAsync();
        await Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE IntakeAssessments SET MainComplaint = 'Old plaintext row', Contraindications = '16' WHERE AppointmentId = {0}", visit.Id));

        var swept = await Factory.WithDbAsync(db => PlaintextColumnSweeper.EncryptPlaintextRowsAsync(db));

        Assert.True(swept >= 1);
        var raw = await Factory.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT MainComplaint AS Value FROM IntakeAssessments WHERE AppointmentId = {0}", visit.Id).SingleAsync());
        Assert.StartsWith(ColumnProtector.Prefix, raw, StringComparison.Ordinal);
        var intake = await Factory.WithDbAsync(db => db.IntakeAssessments.AsNoTracking().SingleAsync(i => i.AppointmentId == visit.Id));
        Assert.Equal("Old plaintext row", intake.MainComplaint);
        Assert.Equal(Contraindication.Pregnancy, intake.Contraindications);
    }

    [Fact]
    public async Task runs_sqlite_in_write_ahead_logging_mode()
    {
        using (Factory.CreateClient())
        {
        }

        await using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    private async Task<ArrangedVisit> BookSensitiveVisitAsync()
    {
        var start = (await Factory.FreeStartsAsync(1))[0];
        return await Factory.BookAsync(start, "Sam Private", $"sam-{Guid.NewGuid():N}@test.example", f =>
        {
            f["Intake.MainComplaint"] = Complaint;
            f["Intake.MedicalHistory"] = History;
            f["Intake.PainAreas"] = "LowerBack";
            f["Intake.PainIntensity"] = "7";
        },
        [new("Intake.PainAreas", "Legs"), new("Intake.Contraindications", "BloodThinners"), new("Intake.Contraindications", "Pregnancy")]);
    }
}
