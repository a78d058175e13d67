using System.Text.Json;
using Evidentia.Core.Accounts;
using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Core.Audit;
using Evidentia.Core.Documents;

namespace Evidentia.Tests.Storage;

/// <summary>
/// One behaviour for every store of articles, accounts and the audit trail: each backend's test class derives
/// from this one and opens its own stores.
/// </summary>
public abstract class ReviewStoreContract
{
    protected abstract Task<(IArticleStore Articles, IUserStore Users, IAuditLog Audit)> OpenAsync();

    private static Answer Answer(string id, string text, int references = 1) => new()
    {
        Id = id,
        Outcome = AnswerOutcome.Answered,
        Question = $"Made-up question {id}?",
        Audience = Audience.Physician,
        QuestionType = "Treatment",
        Focus = "made-up topic",
        BottomLine = [new AnswerItem(text, [1], [new Quote(1, "doc1", "test", 0, text.Length, text)])],
        References = Enumerable.Range(1, references).Select(n => new Reference(n, $"doc{n}", "test", $"Title {n}", null, 2020, EvidenceLevel.Research, null)).ToList(),
    };

    private static ArticleSnapshot Snapshot(params (string Id, string Hash)[] evidence) =>
        new(42, 42, "extractive", "test", JsonSerializer.SerializeToElement(new { k = 1 }), evidence.Select(e => new EvidenceUsed("test", e.Id, e.Hash)).ToList());

    [Fact]
    public async Task Should_Keep_A_New_Answer_As_Version_1_And_Never_Overwrite_It_By_Saving_Again()
    {
        var (articles, _, _) = await OpenAsync();

        var first = await articles.SaveAsync(Answer("a-1", "Made-up sentence one."), Snapshot(("doc1", "h1")), CancellationToken.None);
        var again = await articles.SaveAsync(Answer("a-1", "A different composition."), Snapshot(("doc1", "h2")), CancellationToken.None);

        Assert.Equal(ReviewStatus.Submitted, first.Status);
        Assert.Equal(1, first.Version);
        Assert.Equal("Made-up sentence one.", again.Answer.BottomLine[0].Text);
        var version = Assert.Single(await articles.VersionsAsync("a-1", CancellationToken.None));
        Assert.Equal("h1", version.Snapshot.Evidence.Single().ContentHash);
        Assert.Equal(1, version.Snapshot.Settings.GetProperty("k").GetInt32());
    }

    [Fact]
    public async Task Should_Add_A_Version_Only_Over_The_Version_The_Editor_Saw()
    {
        var (articles, _, _) = await OpenAsync();
        await articles.SaveAsync(Answer("a-2", "Made-up sentence."), Snapshot(("doc1", "h1")), CancellationToken.None);

        var second = await articles.AddVersionAsync("a-2", 1, Answer("a-2", "Edited."), Snapshot(("doc1", "h1")), "ed", "shorter", ReviewStatus.Submitted, CancellationToken.None);
        var stale = await articles.AddVersionAsync("a-2", 1, Answer("a-2", "Lost edit."), Snapshot(("doc1", "h1")), "other", null, ReviewStatus.Submitted, CancellationToken.None);

        Assert.Equal(2, second!.Version);
        Assert.Equal("Edited.", second.Answer.BottomLine[0].Text);
        Assert.Null(stale);
        var versions = await articles.VersionsAsync("a-2", CancellationToken.None);
        Assert.Equal([(1, "evidentia", (string?)null), (2, "ed", "shorter")], versions.Select(v => (v.Version, v.Author, v.Note)));
    }

    [Fact]
    public async Task Should_Set_A_Status_Only_From_The_Expected_Status_And_Clear_The_Approval_On_A_New_Version()
    {
        var (articles, _, _) = await OpenAsync();
        await articles.SaveAsync(Answer("a-3", "Made-up sentence."), Snapshot(("doc1", "h1")), CancellationToken.None);
        var approval = new Approval("Dr Reviewer", "MD", new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

        var wrong = await articles.SetStatusAsync("a-3", ReviewStatus.UnderReview, 1, ReviewStatus.Approved, null, approval, CancellationToken.None);
        var review = await articles.SetStatusAsync("a-3", ReviewStatus.Submitted, 1, ReviewStatus.UnderReview, null, null, CancellationToken.None);
        var approved = await articles.SetStatusAsync("a-3", ReviewStatus.UnderReview, 1, ReviewStatus.Approved, null, approval, CancellationToken.None);
        var edited = await articles.AddVersionAsync("a-3", 1, Answer("a-3", "Edited."), Snapshot(("doc1", "h1")), "ed", null, ReviewStatus.Submitted, CancellationToken.None);

        Assert.Null(wrong);
        Assert.Equal(ReviewStatus.UnderReview, review!.Status);
        Assert.Equal(approval, approved!.Approval);
        Assert.Null(edited!.Approval);
        Assert.Equal(ReviewStatus.Submitted, edited.Status);
    }

    [Fact]
    public async Task Should_List_The_Evidence_Of_Approved_Articles_Only()
    {
        var (articles, _, _) = await OpenAsync();
        await articles.SaveAsync(Answer("a-4", "Approved one."), Snapshot(("doc1", "h1"), ("doc9", "not cited")), CancellationToken.None);
        await articles.SaveAsync(Answer("a-5", "Submitted one."), Snapshot(("doc1", "h1")), CancellationToken.None);
        await articles.SetStatusAsync("a-4", ReviewStatus.Submitted, 1, ReviewStatus.Approved, null, new Approval("R", null, DateTimeOffset.UtcNow), CancellationToken.None);

        var approved = await articles.ApprovedEvidenceAsync(CancellationToken.None);

        var (id, version, evidence) = Assert.Single(approved);
        Assert.Equal(("a-4", 1), (id, version));
        Assert.Equal([new EvidenceUsed("test", "doc1", "h1")], evidence);
    }

    [Fact]
    public async Task Should_List_Variants_For_The_Queue_Oldest_First()
    {
        var (articles, _, _) = await OpenAsync();
        await articles.SaveAsync(Answer("a-6", "First."), Snapshot(), CancellationToken.None);
        await articles.SaveAsync(Answer("a-7", "Second.") with { Question = "Made-up question a-6?", Audience = Audience.Patient }, Snapshot(), CancellationToken.None);

        var queue = await articles.ListAsync(new ArticleQuery { Status = ReviewStatus.Submitted, Variants = true, OldestFirst = true }, CancellationToken.None);
        var library = await articles.ListAsync(new ArticleQuery { Text = "a-6" }, CancellationToken.None);

        Assert.Equal(["a-6", "a-7"], queue.Select(a => a.Id).Where(id => id is "a-6" or "a-7"));
        Assert.Equal(["a-7"], library.Select(a => a.Id));
    }

    [Fact]
    public async Task Should_Add_A_User_Once_Whatever_The_Case_Of_The_Name_And_Keep_Its_Lockout()
    {
        var (_, users, _) = await OpenAsync();
        var user = new User("Alice", "Alice Smith", "MD", Role.Reviewer, "hash", 0, null, new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));

        Assert.True(await users.AddAsync(user, CancellationToken.None));
        Assert.False(await users.AddAsync(user with { Name = "alice" }, CancellationToken.None));
        var until = new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
        await users.SetLoginStateAsync("alice", 3, until, CancellationToken.None);

        var found = await users.FindAsync("ALICE", CancellationToken.None);
        Assert.Equal((3, until, Role.Reviewer, "MD"), (found!.FailedLogins, found.LockedUntil, found.Role, found.Credentials));
    }

    [Fact]
    public async Task Should_Chain_Every_Audit_Entry_To_The_One_Before()
    {
        var (_, _, audit) = await OpenAsync();

        await audit.AppendAsync("alice", "StartReview", "article a-1 v1", "{}", CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => audit.AppendAsync("bob", "Approve", $"article a-{i} v1", "{}", CancellationToken.None)));

        var all = await audit.ReadAllAsync(CancellationToken.None);
        Assert.Equal([1L, 2, 3, 4, 5, 6], all.Select(e => e.Sequence));
        Assert.Empty(AuditChain.Verify(all));
        Assert.Equal(6, (await audit.RecentAsync(10, CancellationToken.None))[0].Sequence);
    }
}
