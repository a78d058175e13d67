using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Evidentia.Tests.Support;
using Microsoft.Playwright;

namespace Evidentia.Tests.Web;

/// <summary>
/// The reader's journey in a real browser over the real corpora: ask → answer page → a citation's quote on hover
/// and on keyboard focus → the reference → the source page with the quote highlighted → another audience →
/// a follow-up in the thread → the article in the library; and the same pages at phone width.
/// </summary>
[Collection(SharedCorpusCollection.Name)]
public sealed partial class BrowserTests(SharedCorpusFixture corpus) : IAsyncLifetime
{
    private const string Question = "How is high blood pressure treated?";

    private WebServer? _server;
    private Browser? _browser;

    public async Task InitializeAsync()
    {
        if (corpus.Workspace is null)
        {
            return;
        }

        _browser = await Browser.LaunchAsync();
        _server = await WebServer.StartAsync(corpus.Workspace.CreateWebBackend());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task Should_Take_A_Reader_From_Question_To_Quote_To_Source_To_Follow_Up_To_Library()
    {
        await using var context = await _browser!.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server!.Address.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();

        // Ask.
        await page.GotoAsync("/");
        await Browser.ScreenshotAsync(page, "home-desktop");
        await page.GetByLabel("Your question").FillAsync(Question);
        await page.GetByLabel("Which best describes you?").SelectOptionAsync("physician");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await Browser.ArriveAsync(page, new Regex("/answers/a-"));
        Assert.Equal(Question, await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Submitted", await page.Locator(".stepper li[aria-current=step]").InnerTextAsync());
        Assert.True(await page.GetByText("Exercise caution as content is pending human review").IsVisibleAsync());
        var answerUrl = page.Url;
        await Browser.ScreenshotAsync(page, "answer-desktop");

        // Hover a citation: its quote and source appear.
        var cite = page.Locator(".bottom-line .cite").First;
        var tip = cite.Locator(".tip");
        Assert.False(await tip.IsVisibleAsync());
        await cite.Locator("a").HoverAsync();
        Assert.True(await tip.IsVisibleAsync());
        Assert.False(string.IsNullOrWhiteSpace(await tip.Locator("q").InnerTextAsync()));
        await Browser.ScreenshotAsync(page, "citation-hover-desktop", fullPage: false);

        // Keyboard focus shows it too.
        await page.Mouse.MoveAsync(0, 0);
        await cite.Locator("a").FocusAsync();
        Assert.True(await tip.IsVisibleAsync());

        // Click it: the reference; from there the source page with the quote highlighted and in view.
        var n = await cite.Locator("a").InnerTextAsync();
        await cite.Locator("a").ClickAsync();
        Assert.EndsWith($"#ref-{n}", page.Url);
        var reference = page.Locator($"#ref-{n}");
        Assert.True(await reference.IsVisibleAsync());
        await reference.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Quoted passage") }).First.ClickAsync();
        await Browser.ArriveAsync(page, new Regex("/sources/"));
        var mark = page.Locator("mark#quote");
        Assert.True(await mark.IsVisibleAsync());
        Assert.True(await mark.EvaluateAsync<bool>("m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }"));
        await Browser.ScreenshotAsync(page, "source-desktop", fullPage: false);

        // Another audience: the patient variant, and the choice is remembered.
        await page.GotoAsync(answerUrl);
        await page.GetByLabel("Patient or caregiver").CheckAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(answerUrl);
        await Browser.ArriveAsync(page, new Regex("/answers/a-"));
        Assert.True(await page.GetByLabel("Patient or caregiver").IsCheckedAsync());
        var patientUrl = page.Url;
        await page.GotoAsync("/");
        Assert.Equal("patient", await page.GetByLabel("Which best describes you?").InputValueAsync());
        // Back to the answer by address, not history: a page restored from the back-forward cache fires no load event to wait for.
        await page.GotoAsync(patientUrl);

        // A follow-up keeps the thread's focus.
        await page.GetByLabel("Continue this thread").FillAsync("and in children?");
        await page.Locator(".follow-up").GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Browser.ArriveAsync(page, new Regex("thread=t-"));
        Assert.Equal("and in children?", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("blood pressure", await page.GetByText("Searched as").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await page.GetByRole(AriaRole.Link, new() { Name = "View this thread" }).ClickAsync();
        await Browser.ArriveAsync(page, new Regex("/threads/t-"));
        var turns = page.Locator("ol.thread > li h2");
        Assert.Equal([Question, "and in children?"], await turns.AllInnerTextsAsync());
        await Browser.ScreenshotAsync(page, "thread-desktop");

        // The article is in the library.
        await page.GotoAsync("/library");
        await page.GetByLabel("Search the library").FillAsync("blood pressure");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Browser.ArriveAsync(page, new Regex("q=blood"));
        Assert.True(await page.Locator("ul.articles").GetByRole(AriaRole.Link, new() { Name = Question }).IsVisibleAsync());
        await Browser.ScreenshotAsync(page, "library-desktop");
    }

    [BrowserFact]
    public async Task Should_Let_A_Reviewer_Sign_In_Review_And_Approve_In_The_Browser()
    {
        var name = "browser-" + Guid.NewGuid().ToString("N")[..8];
        await new Evidentia.Web.Accounts.AccountService(corpus.Workspace!.Users, corpus.Workspace.Audit, TimeProvider.System)
            .AddAsync(name, "Dr Browser Reviewer", "MD, MPH", Evidentia.Core.Accounts.Role.Reviewer, StaffClient.Password, "test", CancellationToken.None);
        await using var context = await _browser!.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server!.Address.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ask?q=" + Uri.EscapeDataString("What are the symptoms of high blood pressure?"));
        await Browser.ArriveAsync(page, new Regex("/answers/a-"));
        var id = new Uri(page.Url).AbsolutePath.Split('/')[^1];

        await page.GotoAsync($"/review/{id}");
        await Browser.ArriveAsync(page, new Regex("/login"));
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(StaffClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Each step posts and is redirected: wait for what the step changes on the page, not for load events.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start review" }).WaitForAsync();
        Assert.EndsWith($"/review/{id}", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start review" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).WaitForAsync();
        await Browser.ScreenshotAsync(page, "review-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await page.GetByText("Approved by Dr Browser Reviewer").WaitForAsync();

        await page.GotoAsync($"/answers/{id}");
        Assert.Equal("Approved", await page.Locator(".stepper li[aria-current=step]").InnerTextAsync());
        Assert.Contains("Dr Browser Reviewer, MD, MPH", await page.Locator(".approved").InnerTextAsync());
        Assert.Equal(0, await page.GetByText("pending human review").CountAsync());
        await Browser.ScreenshotAsync(page, "approved-desktop", fullPage: false);
    }

    [BrowserFact]
    public async Task Should_Pass_The_Axe_Accessibility_Rules_On_Every_Kind_Of_Page()
    {
        await using var context = await _browser!.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = _server!.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ask?q=" + Uri.EscapeDataString(Question));
        await Browser.ArriveAsync(page, new Regex("/answers/a-"));
        var answerPath = new Uri(page.Url).AbsolutePath;
        var sourcePath = await page.Locator(".references a", new() { HasTextString = "Quoted passage" }).First.GetAttributeAsync("href");

        var violations = new List<string>();
        foreach (var path in new[] { "/", answerPath, sourcePath!, "/library", "/editorial-policy", "/about", "/api", "/login" })
        {
            await page.GotoAsync(path);
            var result = await page.RunAxe();
            violations.AddRange(result.Violations.Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
        }

        Assert.Empty(violations);
    }

    [BrowserFact]
    public async Task Should_Show_Progress_When_An_Answer_Takes_More_Than_300_Ms()
    {
        await using var context = await _browser!.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = _server!.Address.ToString() });
        var page = await context.NewPageAsync();
        // The page's timers run on Playwright's clock, stopped and moved by the test: nothing depends on how fast the
        // machine is.
        await page.Clock.InstallAsync();
        await page.GotoAsync("/");
        await page.Clock.PauseAtAsync(DateTime.UtcNow.AddMinutes(1));
        await page.GetByLabel("Your question").FillAsync(Question);
        var progress = page.Locator("#progress");

        // Submit, with the navigation held back as a slow answer would hold it.
        await page.EvaluateAsync("() => { const f = document.querySelector('form[data-progress]'); f.addEventListener('submit', e => e.preventDefault()); f.requestSubmit(); }");
        await page.Clock.RunForAsync(299);
        var early = await progress.IsVisibleAsync();
        await page.Clock.RunForAsync(2);
        var late = await progress.IsVisibleAsync();

        Assert.False(early);
        Assert.True(late);
        Assert.Contains("Composing an answer", await progress.InnerTextAsync());
    }

    [BrowserFact]
    public async Task Should_Fit_A_Phone_Screen_Without_Sideways_Scrolling()
    {
        await using var context = await _browser!.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server!.Address.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ask?q=" + Uri.EscapeDataString(Question));
        await Browser.ArriveAsync(page, new Regex("/answers/a-"));

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Browser.ScreenshotAsync(page, "answer-phone");
        await page.GotoAsync("/");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Browser.ScreenshotAsync(page, "home-phone");
    }
}
