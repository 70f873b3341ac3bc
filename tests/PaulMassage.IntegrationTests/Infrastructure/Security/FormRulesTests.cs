using System.Net;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Infrastructure.Security;

/// <summary>
/// Forms: every POST needs its antiforgery token, no GET changes the database, and no action binds
/// a database entity (so no field can be over-posted). The routes are discovered, so new ones are covered.
/// </summary>
public sealed class TheFormRules(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public async Task refuse_every_post_without_its_antiforgery_token_with_400()
    {
        using var therapist = await fixture.Factory.TherapistAsync(followRedirects: false);
        using var clientA = await fixture.Factory.SignedInAsync(AccessMatrixFixture.EmailA);
        // The one-click "stop asking me for reviews" is posted by mail programs with no cookie and
        // no form token (RFC 8058): the secret token in its address is the only key.
        var posts = fixture.Routes.Where(r => r.Methods.Contains("POST") && r.Template != "/no-review-requests/{token}").ToList();
        Assert.NotEmpty(posts);
        var failures = new List<string>();
        var before = await DatabaseFingerprint.TakeAsync(fixture.Factory.DatabasePath);
        foreach (var route in posts)
        {
            var path = route.Fill(fixture.RouteValues);
            using var content = new FormUrlEncodedContent([new("Name", "Someone"), new("Email", "someone@test.example"), new("Password", "a password that is long enough")]);
            using var response = await therapist.PostAsync(path, content);
            var status = response.StatusCode;
            if (status == HttpStatusCode.Forbidden)
            {
                // A route for clients only: try it as a client.
                using var again = new FormUrlEncodedContent([new("Name", "Someone")]);
                using var asClient = await clientA.PostAsync(path, again);
                status = asClient.StatusCode;
            }

            if (status != HttpStatusCode.BadRequest)
            {
                failures.Add($"{route} ({path}) answered {(int)status} to a POST without an antiforgery token");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        var after = await DatabaseFingerprint.TakeAsync(fixture.Factory.DatabasePath);
        Assert.Empty(DatabaseFingerprint.ChangedTables(before, after));
    }

    [Fact]
    public async Task change_nothing_in_the_database_on_any_get_by_anyone()
    {
        using var anonymous = fixture.Factory.Browser();
        using var clientA = await fixture.Factory.SignedInAsync(AccessMatrixFixture.EmailA);
        using var therapist = await fixture.Factory.TherapistAsync(followRedirects: false);
        var gets = fixture.Routes.Where(r => r.Allows("GET")).ToList();
        var before = await DatabaseFingerprint.TakeAsync(fixture.Factory.DatabasePath);
        foreach (var client in new[] { anonymous, clientA, therapist })
        {
            foreach (var route in gets)
            {
                using var response = await client.GetAsync(route.Fill(fixture.RouteValues));
            }
        }

        var after = await DatabaseFingerprint.TakeAsync(fixture.Factory.DatabasePath);
        Assert.Empty(DatabaseFingerprint.ChangedTables(before, after));
    }

    [Fact]
    public void never_bind_a_database_entity_in_any_action()
    {
        var entityTypes = fixture.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>()
            .Model.GetEntityTypes().Select(e => e.ClrType).ToHashSet();
        var actions = fixture.Factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>().ToList();
        Assert.NotEmpty(actions);
        var offenders = actions
            .SelectMany(a => a.Parameters.Select(p => (Action: a, p.Name, p.ParameterType)))
            .Where(p => BindsEntity(p.ParameterType, entityTypes, depth: 0))
            .Select(p => $"{p.Action.ControllerName}.{p.Action.ActionName}({p.Name}: {p.ParameterType.Name})")
            .ToList();
        Assert.True(offenders.Count == 0, "Actions binding entities: " + string.Join(", ", offenders));
    }

    private static bool BindsEntity(Type type, HashSet<Type> entityTypes, int depth)
    {
        var element = type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : type;
        if (entityTypes.Contains(element))
        {
            return true;
        }

        return depth < 3 && element.IsClass && element != typeof(string) && element.Assembly == typeof(AppDbContext).Assembly
            && element.GetProperties().Where(p => p.CanWrite).Any(p => BindsEntity(p.PropertyType, entityTypes, depth + 1));
    }
}
