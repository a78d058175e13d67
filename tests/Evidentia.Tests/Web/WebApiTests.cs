using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Web;

/// <summary>Every endpoint of <c>/api</c> over a real Kestrel port, with good and bad input.</summary>
public sealed class WebApiTests(DemoWebFixture web) : IClassFixture<DemoWebFixture>
{
    private const string Question = "How is high blood pressure treated?";

    private HttpClient Client => web.Client;

    private async Task<Answer> AskAsync(string question, string? audience = null)
    {
        using var response = await Client.PostAsJsonAsync("/api/answers", new { question, audience });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Answer>(AnswerJson.Options))!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public sealed class Health(DemoWebFixture web) : IClassFixture<DemoWebFixture>
    {
        [Fact]
        public async Task Should_Report_Healthy_When_The_Index_Is_Up_To_Date()
        {
            using var response = await web.Client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("Healthy: index up to date; ", body);
            // The tests' servers do not build sentence vectors: the node says it searches by words alone.
            Assert.Matches(@"sentence vectors 0 of \d+: search by words alone$", body);
        }
    }

    [Fact]
    public async Task Should_Answer_With_Citations_And_Exact_Quotes_When_Posting_A_Question()
    {
        var answer = await AskAsync(Question);

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.StartsWith("a-", answer.Id);
        Assert.NotEmpty(answer.BottomLine);
        Assert.NotEmpty(answer.References);
        var quote = answer.AllItems.SelectMany(i => i.Quotes).First();
        var source = await Client.GetFromJsonAsync<JsonElement>($"/api/sources/{quote.DocumentId}?collection={quote.Collection}");
        Assert.Equal(quote.Text, source.GetProperty("text").GetString()![quote.Start..quote.End]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0000")]
    [InlineData("\u200b\u200c\u200d\ufeff")]
    [InlineData(" \u2060\u0007\t")]
    public async Task Should_Return_400_ProblemDetails_When_The_Question_Is_Empty(string question)
    {
        using var response = await Client.PostAsJsonAsync("/api/answers", new { question });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("empty", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_Return_400_ProblemDetails_When_The_Question_Is_Too_Long()
    {
        using var response = await Client.PostAsJsonAsync("/api/answers", new { question = new string('a', QuestionRules.MaxLength + 1) });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("limit", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"question\": ")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public async Task Should_Return_400_ProblemDetails_When_The_Body_Is_Malformed(string body)
    {
        using var response = await Client.PostAsync("/api/answers", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_Return_400_ProblemDetails_When_The_Audience_Is_Unknown()
    {
        using var response = await Client.PostAsJsonAsync("/api/answers", new { question = Question, audience = "surgeon" });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("surgeon", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_Return_The_Same_Answer_When_Getting_It_By_Id()
    {
        var asked = await AskAsync(Question, "nurse");

        var got = await Client.GetFromJsonAsync<Answer>($"/api/answers/{asked.Id}", AnswerJson.Options);

        Assert.Equal(asked.Id, got!.Id);
        Assert.Equal(AnswerText.Render(asked), AnswerText.Render(got));
    }

    [Fact]
    public async Task Should_Compose_The_Audience_Variant_When_Getting_A_Slug_With_An_Audience()
    {
        var asked = await AskAsync(Question, "physician");

        var patient = await Client.GetFromJsonAsync<Answer>($"/api/answers/{ArticleSlug.Create(Question)}?audience=patient", AnswerJson.Options);

        Assert.Equal(Audience.Patient, patient!.Audience);
        Assert.NotEqual(asked.Id, patient.Id);
        Assert.Equal(Question, patient.Question);
    }

    [Fact]
    public async Task Should_Return_404_ProblemDetails_When_The_Answer_Is_Unknown()
    {
        using var response = await Client.GetAsync("/api/answers/a-000000000000");
        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_Continue_The_Thread_When_Asking_A_Follow_Up()
    {
        var first = await AskAsync(Question);

        using var response = await Client.PostAsJsonAsync($"/api/answers/{first.Id}/follow-ups", new { question = "and in older adults?" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var followUp = (await response.Content.ReadFromJsonAsync<Answer>(AnswerJson.Options))!;

        Assert.NotNull(followUp.ConversationId);
        Assert.Contains(first.Focus!, followUp.SearchedAs, StringComparison.OrdinalIgnoreCase);
        var thread = await Client.GetFromJsonAsync<JsonElement>($"/api/threads/{followUp.ConversationId}");
        Assert.Equal([first.Id, followUp.Id], thread.EnumerateArray().Select(t => t.GetProperty("answerId").GetString()));
    }

    [Fact]
    public async Task Should_Return_404_When_Following_Up_An_Unknown_Answer_And_400_For_An_Empty_Follow_Up()
    {
        var first = await AskAsync(Question);

        using var unknown = await Client.PostAsJsonAsync("/api/answers/a-000000000000/follow-ups", new { question = "and in children?" });
        using var empty = await Client.PostAsJsonAsync($"/api/answers/{first.Id}/follow-ups", new { question = "" });

        await ProblemAsync(unknown, HttpStatusCode.NotFound);
        await ProblemAsync(empty, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_Return_404_When_The_Thread_Is_Unknown()
    {
        using var response = await Client.GetAsync("/api/threads/t-0000000000000000");
        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_Return_Related_Questions_And_400_Without_A_Question()
    {
        using var ok = await Client.GetAsync("/api/related?question=" + Uri.EscapeDataString(Question));
        using var missing = await Client.GetAsync("/api/related");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await ok.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
        await ProblemAsync(missing, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_Search_And_Reject_A_Bad_Query()
    {
        var hits = await Client.GetFromJsonAsync<JsonElement>("/api/search?q=hypertension&top=3");
        using var empty = await Client.GetAsync("/api/search?q=");
        using var badTop = await Client.GetAsync("/api/search?q=hypertension&top=0");
        using var notANumber = await Client.GetAsync("/api/search?q=hypertension&top=many");

        var first = hits.EnumerateArray().First();
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Contains("hypertension", first.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.InRange(hits.GetArrayLength(), 1, 3);
        await ProblemAsync(empty, HttpStatusCode.BadRequest);
        await ProblemAsync(badTop, HttpStatusCode.BadRequest);
        await ProblemAsync(notANumber, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_Return_Source_Text_Encoded_When_It_Holds_Markup()
    {
        using var response = await Client.GetAsync($"/api/sources/{DemoWebFixture.HostileId}");
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", raw, StringComparison.OrdinalIgnoreCase);
        var source = JsonDocument.Parse(raw).RootElement;
        Assert.Contains("<script>alert('text')</script>", source.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Should_Return_404_ProblemDetails_When_The_Source_Is_Unknown()
    {
        using var response = await Client.GetAsync("/api/sources/no-such-document");
        using var wrongCollection = await Client.GetAsync($"/api/sources/{DemoWebFixture.HostileId}?collection=medquad");
        await ProblemAsync(response, HttpStatusCode.NotFound);
        await ProblemAsync(wrongCollection, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_List_Asked_Questions_In_The_Library_And_Reject_An_Unknown_Status()
    {
        var asked = await AskAsync("What is the first-line drug treatment for hypertension?");

        var list = await Client.GetFromJsonAsync<JsonElement>("/api/articles?q=first-line%20hypertension");
        using var bad = await Client.GetAsync("/api/articles?status=Published");

        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("id").GetString() == asked.Id && a.GetProperty("status").GetString() == "Submitted");
        await ProblemAsync(bad, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_Return_404_ProblemDetails_For_An_Unknown_Api_Route()
    {
        using var response = await Client.GetAsync("/api/no-such-endpoint");
        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_Describe_Every_Endpoint_In_The_OpenApi_Document()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["/api/answers", "/api/answers/{id}", "/api/answers/{id}/follow-ups", "/api/articles", "/api/related", "/api/search", "/api/sources/{id}", "/api/threads/{id}"],
            paths.Order(StringComparer.Ordinal));
    }
}
