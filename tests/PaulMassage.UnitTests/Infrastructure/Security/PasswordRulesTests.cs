using Microsoft.AspNetCore.Identity;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.UnitTests.Infrastructure.Security;

public sealed class ThePasswordRules
{
    private static readonly CommonPasswordList Common = new(Path.Combine(AppContext.BaseDirectory, CommonPasswordList.RelativePath));
    private static readonly AppUser Ann = new() { UserName = "ann.smith@example.com", Email = "ann.smith@example.com" };

    private static async Task<IdentityResult> CheckAsync(string password, AppUser? user = null) =>
        await new CommonPasswordValidator(Common).ValidateAsync(null!, user ?? Ann, password);

    [Fact]
    public void ship_a_list_of_tens_of_thousands_of_breached_passwords()
    {
        Assert.True(Common.Count > 40_000);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("123456789abc")]
    [InlineData("1234567890Qwerty")]
    public async Task refuse_passwords_from_the_breach_list_whatever_their_case(string password)
    {
        var result = await CheckAsync(password);
        Assert.Contains(result.Errors, e => e.Code == "PasswordCommon");
    }

    [Theory]
    [InlineData("paulmassage2027")]
    [InlineData("Paul Massage 2027!")]
    [InlineData("massagemassage")]
    [InlineData("ann.smith@example.com1")]
    [InlineData("annsmith-annsmith-42")]
    public async Task refuse_passwords_built_from_the_site_or_the_account_name(string password)
    {
        var result = await CheckAsync(password);
        Assert.Contains(result.Errors, e => e.Code == "PasswordContextual");
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("tangerine elbow sofa rain")]
    [InlineData("all lower case and no digits at all")]
    [InlineData("ß日本語のパスワードです長い")]
    public async Task accept_long_passphrases_without_any_composition_rule(string password)
    {
        Assert.True((await CheckAsync(password)).Succeeded);
    }

    [Fact]
    public async Task accept_64_characters_and_refuse_more_than_128()
    {
        Assert.True((await CheckAsync(new string('x', 30) + " quiet river stones " + new string('y', 14))).Succeeded);
        var tooLong = await CheckAsync(string.Concat(Enumerable.Repeat("pebble ", 19)));
        Assert.Contains(tooLong.Errors, e => e.Code == "PasswordTooLong");
    }
}
