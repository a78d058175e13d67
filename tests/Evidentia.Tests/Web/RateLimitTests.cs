using System.Net;
using System.Net.Http.Json;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Web;

/// <summary>New questions, and audience variants composed on reading, are rate limited per client address; reading is not.</summary>
public sealed class RateLimitTests(DemoWebFixture web) : IClassFixture<DemoWebFixture>
{
    [Fact]
    public async Task Should_Return_429_With_Retry_After_When_A_Client_Asks_Beyond_Its_Permits()
    {
        await using var server = await WebServer.StartAsync(web.Workspace.CreateWebBackend(), "--Web:AskPermitsPerMinute", "2");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await server.Client.PostAsJsonAsync("/api/answers", new { question = $"How is high blood pressure treated? {i}" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
            }
        }

        using var page = await server.Client.GetAsync("/ask?q=" + Uri.EscapeDataString("How is high blood pressure treated? page"));
        using var read = await server.Client.GetAsync("/api/search?q=hypertension");
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        // A page gets the limit explained in words, not JSON.
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many questions", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_Limit_Audience_Variants_Composed_On_Reading_And_Serve_Those_Kept()
    {
        await using var server = await WebServer.StartAsync(web.Workspace.CreateWebBackend(), "--Web:AskPermitsPerMinute", "2");
        const string question = "How is anaphylaxis treated? (variants)";
        using (var asked = await server.Client.PostAsJsonAsync("/api/answers", new { question }))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var slug = Core.Articles.ArticleSlug.Create(question);
        var statuses = new List<HttpStatusCode>();
        foreach (var audience in new[] { "patient", "nurse", "pharmacist", "patient" })
        {
            using var response = await server.Client.GetAsync($"/api/answers/{slug}?audience={audience}");
            statuses.Add(response.StatusCode);
        }

        using var page = await server.Client.GetAsync($"/answers/{slug}?audience=student");

        // Two variants composed, the third refused; the patient variant, kept, is served again.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
    }

    [Fact]
    public async Task Should_Refuse_To_Start_When_The_Limit_Is_Invalid()
    {
        await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            async () => await WebServer.StartAsync(web.Workspace.CreateWebBackend(), "--Web:AskPermitsPerMinute", "0"));
    }
}
