using System.Net;
using System.Text.RegularExpressions;
using Evidentia.Core.Accounts;
using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Core.Documents;
using Evidentia.Web.Accounts;

namespace Evidentia.Tests.Support;

/// <summary>A browser-like HTTP client of the web product (cookies kept, redirects not followed), signed in or not.</summary>
public sealed partial class StaffClient : IDisposable
{
    public const string Password = "correct horse battery staple";

    private StaffClient(Uri address)
    {
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = address };
    }

    public HttpClient Http { get; }

    /// <summary>The cookies the client holds (a sign-in cookie among them once signed in).</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>An anonymous reader of <paramref name="server"/>.</summary>
    public static StaffClient Anonymous(WebServer server) => new(server.Address);

    /// <summary>An anonymous reader.</summary>
    public static StaffClient Anonymous(DemoWebFixture web) => Anonymous(web.Server);

    /// <summary>A new account of <paramref name="role"/> (a unique name), signed in.</summary>
    public static Task<StaffClient> SignInAsync(DemoWebFixture web, Role role) => SignInAsync(web.Server, web.Workspace, role);

    /// <summary>A new account of <paramref name="role"/> in <paramref name="workspace"/>'s store, signed in to <paramref name="server"/>.</summary>
    public static async Task<StaffClient> SignInAsync(WebServer server, Evidentia.Cli.Workspace workspace, Role role)
    {
        var name = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        var accounts = new AccountService(workspace.Users, workspace.Audit, TimeProvider.System);
        await accounts.AddAsync(name, $"Dr {role} Tester", "MD", role, Password, "test", CancellationToken.None);
        var client = new StaffClient(server.Address);
        using var response = await client.PostFormAsync("/login", "/login", new() { ["name"] = name, ["password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        client.Name = name;
        return client;
    }

    public string? Name { get; private set; }

    /// <summary>Posts a form with the antiforgery token of the page at <paramref name="tokenFrom"/>, as a browser would.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string tokenFrom, Dictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        using var page = await Http.GetAsync(tokenFrom);
        var html = await page.Content.ReadAsStringAsync();
        var token = Token().Match(html);
        var form = fields.Concat(more ?? []).ToList();
        if (token.Success)
        {
            form.Add(new("__RequestVerificationToken", token.Groups[1].Value));
        }

        return await Http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>A made-up article (test fixture, not clinical evidence) kept directly in the library, in <paramref name="status"/>.</summary>
    public static async Task<string> ArticleAsync(DemoWebFixture web, ReviewStatus status)
    {
        var id = "a-" + Guid.NewGuid().ToString("N")[..12];
        AnswerItem Item(string text) => new(text, [1], [new Quote(1, DemoWebFixture.HostileId, "local", 0, 10, "Demonstrat")]);
        var answer = new Answer
        {
            Id = id,
            Outcome = AnswerOutcome.Answered,
            Question = $"Made-up review question {id}?",
            Audience = Audience.Physician,
            BottomLine = [Item("Made-up bottom line sentence.")],
            Sections = [new AnswerSection("Made-up section", [Item("Made-up first sentence."), Item("Made-up second sentence."), Item("Made-up third sentence.")])],
            References = [new Reference(1, DemoWebFixture.HostileId, "local", "Made-up", null, 2026, EvidenceLevel.Guideline, null)],
        };
        var snapshot = new ArticleSnapshot(1, 1, "extractive", "test", System.Text.Json.JsonSerializer.SerializeToElement(new { }), []);
        var articles = web.Workspace.Articles;
        await articles.SaveAsync(answer, snapshot, CancellationToken.None);
        var path = status switch
        {
            ReviewStatus.Submitted => [],
            ReviewStatus.UnderReview => [ReviewStatus.UnderReview],
            ReviewStatus.ChangesRequested => [ReviewStatus.UnderReview, ReviewStatus.ChangesRequested],
            _ => new[] { ReviewStatus.UnderReview, ReviewStatus.Approved },
        };
        var current = ReviewStatus.Submitted;
        foreach (var next in path)
        {
            Assert.NotNull(await articles.SetStatusAsync(id, current, 1, next, null, next == ReviewStatus.Approved ? new Approval("R", null, DateTimeOffset.UtcNow) : null, CancellationToken.None));
            current = next;
        }

        return id;
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex Token();
}
