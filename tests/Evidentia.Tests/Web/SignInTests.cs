using System.Net;
using Evidentia.Core.Accounts;
using Evidentia.Tests.Support;
using Evidentia.Web.Accounts;

namespace Evidentia.Tests.Web;

/// <summary>
/// Sessions checked on the server and sign-in throttled per address (issue 25, findings 11 and 12): a copy of a
/// signed-out cookie is worth nothing, and no one can lock an account or learn which names exist.
/// </summary>
public sealed class SignInTests(DemoWebFixture web) : IClassFixture<DemoWebFixture>
{
    // Replays the sign-in cookie of client in a client of its own, as someone who copied it would.
    private static async Task<HttpStatusCode> ReplayAsync(Uri address, string cookie)
    {
        using var replay = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/review");
        request.Headers.Add("Cookie", cookie);
        using var response = await replay.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_Copied_Cookie_Should_Not_Work_After_Sign_Out()
    {
        using var reviewer = await StaffClient.SignInAsync(web, Role.Reviewer);
        var cookie = reviewer.Cookies.GetCookieHeader(web.Server.Address);
        var before = await ReplayAsync(web.Server.Address, cookie);

        using var signOut = await reviewer.PostFormAsync("/logout", "/review", []);
        var after = await ReplayAsync(web.Server.Address, cookie);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after);
    }

    [Theory]
    [InlineData("role")]
    [InlineData("disable")]
    [InlineData("password")]
    public async Task A_Change_To_The_Account_Should_End_Its_Sessions(string change)
    {
        using var reviewer = await StaffClient.SignInAsync(web, Role.Reviewer);
        var cookie = reviewer.Cookies.GetCookieHeader(web.Server.Address);
        var accounts = new AccountService(web.Workspace.Users, web.Workspace.Audit, TimeProvider.System);
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(web.Server.Address, cookie));

        await (change switch
        {
            "role" => accounts.SetRoleAsync(reviewer.Name!, Role.Editor, "test", CancellationToken.None),
            "disable" => accounts.SetDisabledAsync(reviewer.Name!, true, "test", CancellationToken.None),
            _ => accounts.ChangePasswordAsync(reviewer.Name!, "another long enough password", "test", CancellationToken.None),
        });

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(web.Server.Address, cookie));
        using var again = await StaffClient.Anonymous(web).PostFormAsync("/login", "/login", new() { ["name"] = reviewer.Name!, ["password"] = StaffClient.Password });
        // A disabled account, or the old password, cannot sign in again; a new role can, with a session of its own.
        Assert.Equal(change == "role" ? HttpStatusCode.Redirect : HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task One_Address_Should_Be_Throttled_Before_It_Can_Lock_An_Account_And_Every_Refusal_Should_Read_Alike()
    {
        // A server of its own: the throttle is per node, and the other tests sign in from the same address.
        await using var server = await WebServer.StartAsync(web.Workspace.CreateWebBackend(), "--Web:SignInFailuresPerAddress", "3");
        var accounts = new AccountService(web.Workspace.Users, web.Workspace.Audit, TimeProvider.System);
        var name = "victim-" + Guid.NewGuid().ToString("N")[..8];
        await accounts.AddAsync(name, "Victim", null, Role.Admin, StaffClient.Password, "test", CancellationToken.None);
        using var attacker = StaffClient.Anonymous(server);

        async Task<(HttpStatusCode Status, string Page)> TryAsync(string user, string password)
        {
            using var response = await attacker.PostFormAsync("/login", "/login", new() { ["name"] = user, ["password"] = password });
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var unknown = await TryAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], "a wrong password");
        var wrong = await TryAsync(name, "a wrong password");
        var third = await TryAsync(name, "another wrong password");
        var throttled = await TryAsync(name, StaffClient.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, third.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Contains("from your network address", throttled.Page);
        Assert.Equal(Error(unknown.Page), Error(wrong.Page));
        // The account itself is not locked: its owner, from another address (here, the shared server), signs in.
        using var owner = await StaffClient.Anonymous(web).PostFormAsync("/login", "/login", new() { ["name"] = name, ["password"] = StaffClient.Password });
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task An_Account_Locked_After_Many_Failures_Should_Be_Refused_In_The_Words_Of_An_Unknown_Name()
    {
        await using var server = await WebServer.StartAsync(web.Workspace.CreateWebBackend(), "--Web:SignInFailuresPerAddress", "1000");
        var accounts = new AccountService(web.Workspace.Users, web.Workspace.Audit, TimeProvider.System);
        var name = "lock-" + Guid.NewGuid().ToString("N")[..8];
        await accounts.AddAsync(name, "Locked Tester", null, Role.Reviewer, StaffClient.Password, "test", CancellationToken.None);
        using var client = StaffClient.Anonymous(server);

        for (var i = 0; i < AccountService.MaxFailedLogins; i++)
        {
            using var failed = await client.PostFormAsync("/login", "/login", new() { ["name"] = name, ["password"] = "wrong password " + i });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var right = await client.PostFormAsync("/login", "/login", new() { ["name"] = name, ["password"] = StaffClient.Password });
        using var unknown = await client.PostFormAsync("/login", "/login", new() { ["name"] = "nobody-" + name, ["password"] = StaffClient.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(Error(await unknown.Content.ReadAsStringAsync()), Error(await right.Content.ReadAsStringAsync()));
        Assert.Contains(await web.Workspace.Audit.ReadAllAsync(CancellationToken.None), e => e.Action == "UserLockedOut" && e.Subject == $"user {name}");
    }

    // The page's error message (the form echoes the name, so pages differ otherwise).
    private static string Error(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "class=\"[^\"]*error[^\"]*\"[^>]*>([^<]*)<").Groups[1].Value is { Length: > 0 } error
            ? error
            : throw new Xunit.Sdk.XunitException("No error message on the page.");
}
