using System.Net;
using System.Net.Http.Json;
using Evidentia.Core.Accounts;
using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Core.Audit;
using Evidentia.Ingestion;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Web;

/// <summary>The review board's work end to end over HTTP, with the audit trail it leaves.</summary>
public sealed class ReviewFlowTests(DemoWebFixture web) : IClassFixture<DemoWebFixture>
{
    private async Task<Answer> AskAsync(string question)
    {
        using var response = await web.Client.PostAsJsonAsync("/api/answers", new { question });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Answer>(AnswerJson.Options))!;
    }

    private static async Task ActAsync(StaffClient client, string id, string handler, int version, Dictionary<string, string>? fields = null, IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        var form = new Dictionary<string, string>(fields ?? []) { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        using var response = await client.PostFormAsync($"/review/{id}?handler={handler}", $"/review/{id}", form, more);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Should_Take_An_Article_From_Submitted_Through_Changes_To_Approved_And_Show_The_Reviewer()
    {
        var id = await StaffClient.ArticleAsync(web, ReviewStatus.Submitted);
        var answer = (await web.Workspace.Articles.GetAsync(id, CancellationToken.None))!.Answer;
        var items = ArticleEdit.Items(answer);
        using var reviewer = await StaffClient.SignInAsync(web, Role.Reviewer);
        using var editor = await StaffClient.SignInAsync(web, Role.Editor);

        await ActAsync(reviewer, answer.Id, "Start", 1);
        await ActAsync(reviewer, answer.Id, "RequestChanges", 1, new() { ["note"] = "Drop the last sentence." });
        // The editor removes the last sentence and moves the section's second sentence before its first.
        var keep = new[] { "b0", "s0-0", "s0-1" };
        var order = new Dictionary<string, string> { ["order-b0"] = "1", ["order-s0-0"] = "2", ["order-s0-1"] = "1" };
        await ActAsync(editor, answer.Id, "Edit", 1, new() { ["reviewerNote"] = "Reviewed against the cited sources.", ["note"] = "Removed the last sentence." },
            keep.Select(k => new KeyValuePair<string, string>("keep", k)).Concat(order));
        var edited = (await web.Workspace.Articles.GetAsync(answer.Id, CancellationToken.None))!.Answer;
        Assert.Equal(["Made-up second sentence.", "Made-up first sentence."], edited.Sections.Single().Items.Select(i => i.Text));
        await ActAsync(editor, answer.Id, "Resubmit", 2);
        await ActAsync(reviewer, answer.Id, "Start", 2);
        await ActAsync(reviewer, answer.Id, "Approve", 2);

        var article = (await web.Workspace.Articles.GetAsync(answer.Id, CancellationToken.None))!;
        Assert.Equal((ReviewStatus.Approved, 2), (article.Status, article.Version));
        Assert.Equal(3, article.Answer.AllItems.Count());
        Assert.DoesNotContain(items[^1].Item.Text, article.Answer.AllItems.Select(i => i.Text));
        var page = await web.Client.GetStringAsync($"/answers/{answer.Id}");
        Assert.Contains($"Approved by <strong>Dr Reviewer Tester</strong>, MD on", page);
        Assert.DoesNotContain("pending human review", page);
        Assert.Contains("Reviewed against the cited sources.", page);
        Assert.Contains("<h2>Reviewer's note</h2>", page);

        var diff = await reviewer.Http.GetStringAsync($"/review/{answer.Id}?compare=2");
        Assert.Contains("<del>", diff);
        var trail = (await web.Workspace.Audit.ReadAllAsync(CancellationToken.None)).Where(e => e.Subject.StartsWith($"article {answer.Id}", StringComparison.Ordinal)).ToList();
        Assert.Equal(["StartReview", "RequestChanges", "Edit", "Resubmit", "StartReview", "Approve"], trail.Select(e => e.Action));
        Assert.Equal([reviewer.Name, reviewer.Name, editor.Name, editor.Name, reviewer.Name, reviewer.Name], trail.Select(e => e.Actor));
        Assert.Empty(AuditChain.Verify(await web.Workspace.Audit.ReadAllAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Should_Refuse_A_Stale_Action_And_An_Edit_That_Keeps_Nothing()
    {
        var id = await StaffClient.ArticleAsync(web, ReviewStatus.UnderReview);
        using var reviewer = await StaffClient.SignInAsync(web, Role.Reviewer);

        using var stale = await reviewer.PostFormAsync($"/review/{id}?handler=Approve", $"/review/{id}", new() { ["version"] = "7" });
        using var empty = await reviewer.PostFormAsync($"/review/{id}?handler=Edit", $"/review/{id}", new() { ["version"] = "1" });
        using var noNote = await reviewer.PostFormAsync($"/review/{id}?handler=RequestChanges", $"/review/{id}", new() { ["version"] = "1" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Equal(ReviewStatus.UnderReview, (await web.Workspace.Articles.GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Should_Send_An_Approved_Article_Back_To_Review_When_A_Cited_Document_Changes()
    {
        // A demonstration record of this test's own (not clinical content), cited, approved, then changed.
        var file = Path.Combine(Path.GetTempPath(), $"living-{Guid.NewGuid():N}.jsonl");
        string Record(string text) => System.Text.Json.JsonSerializer.Serialize(new { id = "living-1", title = "Quorvexil demonstration record", text, evidence = "Guideline" }) + "\n";
        await File.WriteAllTextAsync(file, Record("Demonstration record, not clinical content: the quorvexil marker sentence exists to test living answers in this suite."));
        await new Ingestor(web.Workspace.Store).IngestAsync([file], null, null, null, CancellationToken.None);
        await web.Workspace.SyncIndexAsync(rebuild: false, null, CancellationToken.None);
        var answer = await AskAsync("What is the quorvexil marker sentence?");
        Assert.Contains(answer.References, r => r.DocumentId == "living-1");
        var article = (await web.Workspace.Articles.GetAsync(answer.Id, CancellationToken.None))!;
        await web.Workspace.Articles.SetStatusAsync(article.Id, ReviewStatus.Submitted, 1, ReviewStatus.Approved, null, new Approval("R", null, DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Empty(await web.Workspace.RecheckArticlesAsync(CancellationToken.None));
        await File.WriteAllTextAsync(file, Record("Demonstration record, not clinical content: the quorvexil marker sentence was revised to test living answers in this suite."));
        await new Ingestor(web.Workspace.Store).IngestAsync([file], null, null, null, CancellationToken.None);
        await web.Workspace.SyncIndexAsync(rebuild: false, null, CancellationToken.None);
        var sent = await web.Workspace.RecheckArticlesAsync(CancellationToken.None);
        File.Delete(file);

        Assert.Contains(answer.Id, sent);
        var after = (await web.Workspace.Articles.GetAsync(answer.Id, CancellationToken.None))!;
        Assert.Equal(ReviewStatus.UnderReview, after.Status);
        Assert.Contains("local/living-1 changed", after.StatusReason);
        Assert.Contains("pending human review", await web.Client.GetStringAsync($"/answers/{answer.Id}"));
        Assert.Contains((await web.Workspace.Audit.ReadAllAsync(CancellationToken.None)), e => e.Action == "LivingRecheck" && e.Subject.Contains(answer.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Send_An_Approved_Article_Back_To_Review_When_A_Cited_Document_Disappears()
    {
        var file = Path.Combine(Path.GetTempPath(), $"vanishing-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(new
        {
            id = "vanishing-1",
            title = "Zentraquil demonstration record",
            text = "Demonstration record, not clinical content: the zentraquil marker sentence exists to test living answers in this suite.",
            evidence = "Guideline",
        }) + "\n");
        await new Ingestor(web.Workspace.Store).IngestAsync([file], null, null, null, CancellationToken.None);
        File.Delete(file);
        await web.Workspace.SyncIndexAsync(rebuild: false, null, CancellationToken.None);
        var answer = await AskAsync("What is the zentraquil marker sentence?");
        Assert.Contains(answer.References, r => r.DocumentId == "vanishing-1");
        await web.Workspace.Articles.SetStatusAsync(answer.Id, ReviewStatus.Submitted, 1, ReviewStatus.Approved, null, new Approval("R", null, DateTimeOffset.UtcNow), CancellationToken.None);

        // The store loses the document (a restore of an older backup, say).
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={web.Workspace.Folder.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM documents WHERE id = 'vanishing-1'";
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        Assert.Contains(answer.Id, await web.Workspace.RecheckArticlesAsync(CancellationToken.None));
        var after = (await web.Workspace.Articles.GetAsync(answer.Id, CancellationToken.None))!;
        Assert.Equal(ReviewStatus.UnderReview, after.Status);
        Assert.Contains("local/vanishing-1 is no longer in the library", after.StatusReason);
    }

    [Fact]
    public async Task Should_Store_Only_A_Hash_Of_The_Password()
    {
        using var admin = await StaffClient.SignInAsync(web, Role.Admin);

        var user = await web.Workspace.Users.FindAsync(admin.Name!, CancellationToken.None);

        Assert.DoesNotContain(StaffClient.Password, user!.PasswordHash);
        Assert.StartsWith("AQAAAA", user.PasswordHash); // Identity's v3 format: PBKDF2 with a per-user salt.
    }
}
