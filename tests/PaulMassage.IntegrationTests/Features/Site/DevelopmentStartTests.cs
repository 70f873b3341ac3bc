using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.IntegrationTests.Features.Site;

/// <summary>The README's run command: a fresh database in Development, migrated and seeded with sample clients.</summary>
public sealed class TheDevelopmentSite : IDisposable
{
    private sealed class DevelopmentFactory : PracticeAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    private readonly DevelopmentFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task starts_on_an_empty_database_with_sample_visits_whose_health_data_is_encrypted()
    {
        using var client = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.True(await _factory.WithDbAsync(db => db.Appointments.AnyAsync()));
        Assert.True(await _factory.WithDbAsync(db => db.IntakeAssessments.AnyAsync()));
        Assert.True(await _factory.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // The samples follow the practice's own rules, the area served included.
        var area = ServiceArea.Parse(await _factory.WithDbAsync(db => db.PracticeSettings.Select(p => p.ServedDistricts).SingleAsync()));
        foreach (var postcode in await _factory.WithDbAsync(db => db.Appointments.Select(a => a.Postcode).ToListAsync()))
        {
            Assert.True(UkPostcode.TryParse(postcode, out var parsed) && area.Covers(parsed), $"{postcode} is outside the area served");
        }
    }
}
