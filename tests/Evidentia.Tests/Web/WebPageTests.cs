using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Web;

/// <summary>The pages as a browser receives them: status, headers, encoding, antiforgery, review status.</summary>
public sealed partial class WebPageTests(DemoWebFixture web) : IClassFixture<DemoWebFixture>
{
    private HttpClient Client => web.Client;

    private async Task<Answer> AskAsync(string question, string audience = "physician")
    {
        using var response = await Client.PostAsJsonAsync("/api/answers", new { question, audience });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Answer>(AnswerJson.Options))!;
    }

    private async Task<string> PageAsync(string path, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await Client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/ask")]
    [InlineData("/library")]
    [InlineData("/editorial-policy")]
    [InlineData("/about")]
    [InlineData("/disclaimer")]
    [InlineData("/api")]
    public async Task Should_Serve_Every_Page_With_A_Content_Security_Policy(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        // Nothing from elsewhere: every script, style sheet and image is Evidentia's own.
        Assert.DoesNotMatch(@"<(script|link|img)[^>]+(src|href)=""(https?:)?//", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task Should_Serve_Its_Own_Assets()
    {
        using var css = await Client.GetAsync("/assets/site.css");
        using var js = await Client.GetAsync("/assets/site.js");

        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_Put_An_Antiforgery_Token_In_The_Ask_Form_And_Reject_A_Post_Without_One()
    {
        var home = await PageAsync("/");
        using var post = await Client.PostAsync("/ask", new FormUrlEncodedContent(new Dictionary<string, string> { ["question"] = "How is high blood pressure treated?" }));

        Assert.Matches(@"<form method=""post"" action=""/ask""[^>]*>[\s\S]*name=""__RequestVerificationToken""", home);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public async Task Should_Ask_From_The_Form_And_Redirect_To_The_Answer_Page()
    {
        var (token, cookie) = await AntiforgeryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ask")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["question"] = "How is high blood pressure treated?",
                ["audience"] = "patient",
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", cookie);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/answers/{AnswerComposer.AnswerId("How is high blood pressure treated?", Audience.Patient)}", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("evidentia-audience=patient", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Show_An_Error_When_The_Form_Question_Is_Too_Long()
    {
        var (token, cookie) = await AntiforgeryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ask")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["question"] = new string('x', QuestionRules.MaxLength + 1),
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", cookie);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_Show_Every_Part_Of_The_Answer_Page_While_Pending_Review()
    {
        var answer = await AskAsync("How is high blood pressure treated?");

        var html = await PageAsync($"/answers/{answer.Id}");

        Assert.Contains($"<h1>{answer.Question}</h1>", html);
        Assert.Contains("Educational purpose only</strong> • Exercise caution as content is pending human review", html);
        Assert.Matches(@"<li class=""current"" aria-current=""step"">Submitted</li>", html);
        Assert.Contains("Last updated:", html);
        Assert.Contains("href=\"/editorial-policy\"", html);
        Assert.Contains("Which best describes you?", html);
        Assert.Contains("<h2 id=\"bottom-line\">Bottom line</h2>", html);
        Assert.Matches(@"<sup class=""cite""><a href=""#ref-1"" aria-describedby=""tip-b0-1"">1</a><span class=""tip"" role=""tooltip"" id=""tip-b0-1""><q>", html);
        Assert.Contains("<li id=\"ref-1\"", html);
        Assert.Contains("Have a follow-up question?", html);
        Assert.Contains("Professional disclaimer", html);
        Assert.Equal(answer.References.Count, RefItem().Matches(html).Count);
    }

    [Fact]
    public async Task Should_Lift_The_Pending_Notice_When_The_Article_Is_Approved()
    {
        var answer = await AskAsync("What is the first-line treatment for community-acquired pneumonia?");
        Assert.NotNull(await web.Workspace.Articles.SetStatusAsync(
            answer.Id, ReviewStatus.Submitted, 1, ReviewStatus.Approved, null, new Approval("Dr Test Reviewer", "MD", DateTimeOffset.UtcNow), CancellationToken.None));

        var html = await PageAsync($"/answers/{answer.Id}");
        var home = await PageAsync("/");

        Assert.DoesNotContain("pending human review", html);
        Assert.Matches(@"<li class=""current"" aria-current=""step"">Approved</li>", html);
        Assert.Contains("Approved by <strong>Dr Test Reviewer</strong>, MD on", html);
        Assert.Contains($"href=\"/answers/{ArticleSlug.Create(answer.Question)}\"", home[home.IndexOf("id=\"approved\"", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Should_Switch_Audience_Remember_It_And_Show_That_Variant()
    {
        var answer = await AskAsync("How is high blood pressure treated?");

        using var response = await Client.GetAsync($"/answers/{answer.Id}?audience=pharmacist");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/answers/{AnswerComposer.AnswerId(answer.Question, Audience.Pharmacist)}", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("evidentia-audience=pharmacist", StringComparison.Ordinal));
        var variant = await PageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("value=\"pharmacist\" checked=\"checked\"", variant);
    }

    [Fact]
    public async Task Should_Encode_Source_Text_And_Highlight_The_Quoted_Span()
    {
        var source = await Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/sources/{DemoWebFixture.HostileId}");
        var text = source.GetProperty("text").GetString()!;
        var start = text.IndexOf("The zyxomab", StringComparison.Ordinal);
        var end = text.IndexOf("encoding.", StringComparison.Ordinal) + "encoding.".Length;

        var html = await PageAsync($"/sources/{DemoWebFixture.HostileId}?start={start}&end={end}");

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<b>Evidentia tests</b>", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;text&#x27;)&lt;/script&gt;", html);
        Assert.Contains("<mark id=\"quote\" tabindex=\"-1\">The zyxomab marker &lt;script&gt;", html);
    }

    [Theory]
    [InlineData("/answers/{answer}")]
    [InlineData("/sources/{source}")]
    [InlineData("/threads/t-none")]
    [InlineData("/review")]
    [InlineData("/review/{answer}")]
    [InlineData("/library")]
    [InlineData("/about")]
    [InlineData("/answers/{answer}?handler=nothing")]
    public async Task Should_Refuse_A_Post_To_A_Page_Without_A_Form_Without_A_Server_Error(string path)
    {
        // With a valid antiforgery token, as a browser's form would send it.
        var answer = await AskAsync("How is anaphylaxis treated?");
        var (token, cookie) = await AntiforgeryAsync();
        using var request = new HttpRequestMessage(
            HttpMethod.Post, path.Replace("{answer}", answer.Id, StringComparison.Ordinal).Replace("{source}", answer.References[0].DocumentId, StringComparison.Ordinal))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", cookie);
        using var response = await Client.SendAsync(request);

        // Signed out, the review pages send the reader to sign in; anything else is refused, never a server error.
        Assert.True((int)response.StatusCode is >= 400 and < 500 or 302, $"{path}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Should_Name_Who_Recommends_A_Guideline_Sentence_And_Say_When_The_Guideline_Is_Old()
    {
        // The demonstration guidelines (samples/demo) are guidelines of 2019 to 2021.
        var answer = await AskAsync("How is anaphylaxis treated?");
        var guideline = answer.References.First(r => r.EvidenceLevel == Core.Documents.EvidenceLevel.Guideline);

        var html = await PageAsync($"/answers/{answer.Id}");

        Assert.Matches(@"<span class=""grade""[^>]*>[^<]*World Allergy Organization", html);
        Assert.Contains($"Guideline of {guideline.Year}, ", html);
    }

    [Fact]
    public async Task Should_Show_A_Guidelines_Grade_Status_Copyright_And_Rating_Scheme_On_Its_Source_Page()
    {
        var archive = Path.Combine(Path.GetTempPath(), $"ngc-{Guid.NewGuid():N}");
        Directory.CreateDirectory(archive);
        await File.WriteAllTextAsync(Path.Combine(archive, "ngc-424242.xml"), Ingestion.NgcReaderTests.Summary());
        await new Evidentia.Ingestion.Ingestor(web.Workspace.Store).IngestAsync([archive], null, null, null, CancellationToken.None);
        Directory.Delete(archive, recursive: true);
        var document = (await web.Workspace.Store.GetAsync([new("ngc", "ngc-424242")], CancellationToken.None)).Single();
        var graded = document.Passages.Select(p => p.Span).First(s => document.Quote(s).EndsWith("(Level B).", StringComparison.Ordinal));

        var html = await PageAsync($"/sources/ngc-424242?collection=ngc&start={graded.Start}&end={graded.End}");

        Assert.Contains("<span class=\"grade\">Level B</span>", html);
        Assert.Contains("2012 Aug 7 (reaffirmed 2015 Jul 18)", html);
        Assert.Contains("copyrighted by its developer", html);
        Assert.Contains("Probably effective", html);
    }

    [Fact]
    public async Task Should_Encode_Markup_Quoted_In_An_Answer()
    {
        var answer = await AskAsync("What is the zyxomab marker encoding test?");
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);

        var html = await PageAsync($"/answers/{answer.Id}");

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task Should_Ignore_A_Highlight_Outside_The_Document()
    {
        var html = await PageAsync($"/sources/{DemoWebFixture.HostileId}?start=5&end=999999");

        Assert.DoesNotContain("<mark", html);
    }

    [Theory]
    [InlineData("/answers/a-000000000000")]
    [InlineData("/answers/no-such-question")]
    [InlineData("/sources/no-such-document")]
    [InlineData("/threads/t-0000000000000000")]
    [InlineData("/no/such/page")]
    public async Task Should_Show_A_Not_Found_Page_Without_Details(string path)
    {
        var html = await PageAsync(path, HttpStatusCode.NotFound);

        Assert.Contains("<h1>Not found</h1>", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task Should_Show_A_Follow_Up_Thread_In_Order()
    {
        var first = await AskAsync("How is high blood pressure treated?");
        using var response = await Client.PostAsJsonAsync($"/api/answers/{first.Id}/follow-ups", new { question = "and what about older adults?" });
        var followUp = (await response.Content.ReadFromJsonAsync<Answer>(AnswerJson.Options))!;

        var html = await PageAsync($"/threads/{followUp.ConversationId}");

        var firstAt = html.IndexOf(first.Question, StringComparison.Ordinal);
        var followUpAt = html.IndexOf("and what about older adults?", StringComparison.Ordinal);
        Assert.InRange(firstAt, 0, followUpAt - 1);
    }

    [Fact]
    public async Task Should_Find_An_Answered_Question_In_The_Library_By_Words_And_By_Type()
    {
        var answer = await AskAsync("How is anaphylaxis treated?");

        var byWords = await PageAsync("/library?q=anaphylaxis");
        var byType = await PageAsync($"/library?type={answer.QuestionType}");
        var otherType = await PageAsync("/library?type=Dose&q=anaphylaxis");

        var link = $"href=\"/answers/{ArticleSlug.Create(answer.Question)}\"";
        Assert.Contains(link, byWords);
        Assert.Contains(link, byType);
        Assert.DoesNotContain(link, otherType);
    }

    [Fact]
    public async Task Should_List_The_Api_Endpoints_On_The_Readable_Api_Page()
    {
        var html = await PageAsync("/api");

        Assert.Contains("<code>/api/answers</code>", html);
        Assert.Contains("<code>/api/sources/{id}</code>", html);
        Assert.Contains("href=\"/openapi/v1.json\"", html);
    }

    // A fresh antiforgery token and its cookie, as a browser gets them from the home page.
    private async Task<(string Token, string Cookie)> AntiforgeryAsync()
    {
        using var response = await Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var token = Token().Match(html).Groups[1].Value;
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return (token, cookie);
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex Token();

    [GeneratedRegex(@"<li id=""ref-\d+""")]
    private static partial Regex RefItem();
}
