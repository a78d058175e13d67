using System.Text.Json;
using Evidentia.Core.Accounts;
using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Core.Audit;
using Evidentia.Core.Conversations;
using Evidentia.Core.Documents;
using Evidentia.Core.Questions;
using Evidentia.Storage.Relational;

namespace Evidentia.Tests.Storage;

/// <summary>
/// One behaviour for every backend: the same tests of documents and their change feed, conversations, articles,
/// accounts and the audit trail, run by each backend's test class on a database of its own.
/// </summary>
public abstract class StoreContract
{
    /// <summary>The key the tests' audit trails are signed with.</summary>
    public static byte[] AuditKey { get; } = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    /// <summary>A new, empty database of the backend; the test class disposes of it.</summary>
    protected abstract Task<Database> OpenDatabaseAsync();

    protected async Task<(IArticleStore Articles, IUserStore Users, IAuditLog Audit)> OpenAsync()
    {
        var database = await OpenDatabaseAsync();
        return (new ArticleStore(database, TimeProvider.System), new UserStore(database), new AuditLog(database, TimeProvider.System, StoreContract.AuditKey));
    }

    private async Task<DocumentStore> DocumentsAsync() => new(await OpenDatabaseAsync());

    private static Document Doc(string id, string text, string collection = "c") =>
        Document.Create(new DocumentKey(collection, id), "Title " + id, [new SourceSection("Heading", text)], source: "S", year: 2020,
            fields: new Dictionary<string, IReadOnlyList<string>> { [DocumentFields.Synonyms] = ["a", "b"] });

    [Fact]
    public async Task Should_Round_Trip_A_Document_Exactly()
    {
        var store = await DocumentsAsync();
        var original = Doc("1", "First sentence. Second sentence.");
        await store.UpsertAsync([original], CancellationToken.None);

        var stored = Assert.Single(await store.GetAsync([original.Key], CancellationToken.None));
        Assert.Equal(original.ContentHash, stored.ContentHash);
        Assert.Equal(original.Passages, stored.Passages);
        Assert.Equal(original.Sections, stored.Sections);
        Assert.Equal((2020, "S", true), (stored.Year, stored.Source, stored.Citable));
        Assert.Equal(["a", "b"], stored.Fields[DocumentFields.Synonyms]);
        Assert.Equal([original.Key], (await store.FindAsync("1", CancellationToken.None)).Select(d => d.Key));
    }

    [Fact]
    public async Task Should_Change_Nothing_When_The_Same_Documents_Are_Written_Again()
    {
        var store = await DocumentsAsync();
        Assert.Equal(new StoreWriteResult(2, 0, 0), await store.UpsertAsync([Doc("1", "One."), Doc("2", "Two.")], CancellationToken.None));
        var sequence = await store.GetLastSequenceAsync(CancellationToken.None);

        Assert.Equal(new StoreWriteResult(0, 0, 2), await store.UpsertAsync([Doc("1", "One."), Doc("2", "Two.")], CancellationToken.None));
        Assert.Equal(sequence, await store.GetLastSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Should_Replace_A_Changed_Document_And_Put_It_At_The_End_Of_The_Feed()
    {
        var store = await DocumentsAsync();
        await store.UpsertAsync([Doc("1", "One."), Doc("2", "Two.")], CancellationToken.None);
        Assert.Equal(new StoreWriteResult(0, 1, 1), await store.UpsertAsync([Doc("1", "One, changed."), Doc("2", "Two.")], CancellationToken.None));

        var feed = await store.GetChangesAsync(0, 10, CancellationToken.None);
        Assert.Equal(["2", "1"], feed.Select(c => c.Document.Id));
        Assert.Equal([2L, 3L], feed.Select(c => c.Sequence));
        Assert.Equal("One, changed.", feed[1].Document.Text);
        Assert.Single(await store.GetChangesAsync(2, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Should_Remove_What_A_Source_File_No_Longer_Has_And_Put_The_Removal_In_The_Feed()
    {
        var store = await DocumentsAsync();
        await store.ReplaceSourceAsync("/data/a.jsonl", [Doc("1", "One."), Doc("2", "Two.")], CancellationToken.None);
        await store.UpsertAsync([Doc("3", "Three, from elsewhere.")], CancellationToken.None);

        var written = await store.ReplaceSourceAsync("/data/a.jsonl", [Doc("1", "One.")], CancellationToken.None);

        Assert.Equal(new StoreWriteResult(0, 0, 1, 1), written);
        Assert.Empty(await store.GetAsync([new DocumentKey("c", "2")], CancellationToken.None));
        Assert.Empty(await store.FindAsync("2", CancellationToken.None));
        Assert.Equal(2, (await store.GetStatsAsync(CancellationToken.None)).Single().Documents);
        var last = (await store.GetChangesAsync(3, 10, CancellationToken.None)).Single();
        Assert.Equal((4L, "2", true), (last.Sequence, last.Document.Id, last.Deleted));

        // Back in the file: added again, with a new sequence number.
        Assert.Equal(new StoreWriteResult(1, 0, 1, 0), await store.ReplaceSourceAsync("/data/a.jsonl", [Doc("1", "One."), Doc("2", "Two.")], CancellationToken.None));
        Assert.Single(await store.GetAsync([new DocumentKey("c", "2")], CancellationToken.None));
        Assert.False((await store.GetChangesAsync(4, 10, CancellationToken.None)).Single().Deleted);
    }

    [Fact]
    public async Task Should_Leave_A_Document_Alone_When_It_Moved_To_Another_File()
    {
        var store = await DocumentsAsync();
        await store.ReplaceSourceAsync("/data/old.jsonl", [Doc("1", "One.")], CancellationToken.None);
        await store.ReplaceSourceAsync("/data/new.jsonl", [Doc("1", "One.")], CancellationToken.None);

        var written = await store.ReplaceSourceAsync("/data/old.jsonl", [], CancellationToken.None);

        Assert.Equal(0, written.Removed);
        Assert.Single(await store.GetAsync([new DocumentKey("c", "1")], CancellationToken.None));
    }

    [Fact]
    public async Task Should_Number_Concurrent_Writes_Without_Gaps_Or_Repeats()
    {
        var store = await DocumentsAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => store.UpsertAsync(
            Enumerable.Range(0, 25).Select(i => Doc($"{w}-{i}", $"Made-up text {w} {i}.")).ToList(), CancellationToken.None)));

        var feed = await store.GetChangesAsync(0, 1000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), feed.Select(c => c.Sequence));
        Assert.Equal(200, await store.GetLastSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Should_Keep_Equal_Ids_Of_Different_Collections_Apart()
    {
        var store = await DocumentsAsync();
        await store.UpsertAsync([Doc("123", "In A.", "pubmedqa"), Doc("123", "In B.", "bioasq")], CancellationToken.None);

        var stats = await store.GetStatsAsync(CancellationToken.None);

        Assert.Equal([("bioasq", 1, 1L), ("pubmedqa", 1, 1L)], stats.Select(s => (s.Collection, s.Documents, s.Passages)));
        Assert.Equal(["bioasq", "pubmedqa"], (await store.FindAsync("123", CancellationToken.None)).Select(d => d.Collection));
    }

    [Fact]
    public async Task Should_Keep_Conversation_Turns_In_Order()
    {
        var store = new ConversationStore(await OpenDatabaseAsync());
        var first = new ConversationTurn("c1", 1, "What is the treatment for Noonan syndrome?", "What is the treatment for Noonan syndrome?", QuestionType.Treatment, "Noonan syndrome", "a-1");
        await store.AppendAsync(first, CancellationToken.None);
        await store.AppendAsync(first with { Turn = 2, Question = "and in children?", Focus = null }, CancellationToken.None);

        var turns = await store.GetTurnsAsync("c1", CancellationToken.None);

        Assert.Equal(["What is the treatment for Noonan syndrome?", "and in children?"], turns.Select(t => t.Question));
        Assert.Equal([QuestionType.Treatment, QuestionType.Treatment], turns.Select(t => t.Type));
        Assert.Null(turns[1].Focus);
        Assert.Empty(await store.GetTurnsAsync("unknown", CancellationToken.None));
    }

    [Fact]
    public async Task Should_Number_Turns_Appended_At_Once_Without_Collisions()
    {
        var store = new ConversationStore(await OpenDatabaseAsync());
        var turn = new ConversationTurn("c2", 1, "Made-up question?", "Made-up question?", QuestionType.Other, null, "a-1");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => store.AppendAsync(turn with { Question = $"Made-up question {i}?" }, CancellationToken.None)));

        Assert.Equal([1, 2, 3, 4, 5, 6], (await store.GetTurnsAsync("c2", CancellationToken.None)).Select(t => t.Turn));
    }

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
    public async Task Should_Give_An_Account_A_New_Security_Stamp_On_Every_Change_That_Ends_Its_Sessions()
    {
        var (_, users, _) = await OpenAsync();
        await users.AddAsync(new User("bob", "Bob", null, Role.Reviewer, "hash", 0, null, DateTimeOffset.UnixEpoch), CancellationToken.None);
        async Task<User> Bob() => (await users.FindAsync("bob", CancellationToken.None))!;
        var added = await Bob();

        await users.SetPasswordHashAsync("bob", "rehashed", endSessions: false, CancellationToken.None);
        var rehashed = await Bob();
        await users.SetPasswordHashAsync("bob", "changed", endSessions: true, CancellationToken.None);
        var changed = await Bob();
        Assert.True(await users.UpdateAsync("BOB", Role.Editor, null, CancellationToken.None));
        var promoted = await Bob();
        Assert.True(await users.UpdateAsync("bob", null, true, CancellationToken.None));
        var disabled = await Bob();
        Assert.False(await users.UpdateAsync("nobody", null, true, CancellationToken.None));

        Assert.Equal(32, added.SecurityStamp.Length);
        Assert.Equal(added.SecurityStamp, rehashed.SecurityStamp);
        Assert.Equal(5, new[] { added, changed, promoted, disabled }.Select(u => u.SecurityStamp).Append("").Distinct().Count());
        Assert.Equal((Role.Editor, false), (promoted.Role, promoted.Disabled));
        Assert.Equal((Role.Editor, true, "changed"), (disabled.Role, disabled.Disabled, disabled.PasswordHash));
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
        // The head signs the whole trail: its count and last hash.
        var head = await audit.ReadHeadAsync(CancellationToken.None);
        Assert.NotNull(head);
        Assert.True(head.Covers(AuditKey, 6, all[^1].Hash));
        Assert.Empty(await audit.VerifyHeadAsync(all, CancellationToken.None));
    }
}
