using Evidentia.Core.Documents;
using Evidentia.Search.Retrieval;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Search;

// Invented words ("zorbel", "quindle"): these documents test the mechanics, they are not evidence.
public class RerankFeaturesTests
{
    private static Document Doc(string id, string title, string text, string? question = null, string collection = "c") =>
        Document.Create(new DocumentKey(collection, id), title, [new SourceSection("", text)],
            fields: question is null ? null : new Dictionary<string, IReadOnlyList<string>> { [DocumentFields.Question] = [question] });

    private static float Feature(float[] features, string name) => features[Array.IndexOf(RerankFeatures.Names, name)];

    // The reranking features of each first-stage candidate for a question, by document id.
    private static Dictionary<string, float[]> CandidateFeatures(DocumentSearcher searcher, string question) =>
        searcher.Candidates(question, 10).ToDictionary(c => c.Hit.Key.Id, c => c.Features);

    [Fact]
    public async Task Should_Measure_What_A_Candidate_Covers_Of_The_Question_And_The_Question_Of_It()
    {
        await using var test = await TestWorkspace.IndexedAsync(
        [
            Doc("on", "Zorbel syndrome", "Treatment of zorbel syndrome is described in this placeholder text.", "What are the treatments for Zorbel syndrome?"),
            Doc("off", "Quindle syndrome", "Quindle syndrome text that names a syndrome and nothing else."),
        ]);
        var w = test.Workspace;

        var candidates = CandidateFeatures(w.Searcher, "treatments for zorbel syndrome");
        var on = candidates["on"];
        var off = candidates["off"];

        Assert.Equal(1, Feature(on, "cover_all"), 3);
        Assert.Equal(1, Feature(on, "cover_question"), 3);
        Assert.InRange(Feature(on, "cover_title"), 0.01f, 0.99f); // "treatment" is not in the title
        Assert.Equal(1, Feature(on, "title_in_query"), 3);
        Assert.Equal(1, Feature(on, "type_match"));
        Assert.Equal(1, Feature(on, "has_question"));
        Assert.Equal(1, Feature(on, "anchor"));
        Assert.Equal(1, Feature(on, "pairs"), 3);
        Assert.Equal(1, Feature(on, "score_ratio"), 3);

        Assert.InRange(Feature(off, "cover_all"), 0.01f, 0.99f);
        Assert.Equal(0, Feature(off, "anchor"));
        Assert.Equal(0, Feature(off, "type_match"));
        Assert.Equal(0, Feature(off, "has_question"));
        Assert.InRange(Feature(off, "title_in_query"), 0.01f, 0.99f); // "quindle" is not asked
        Assert.True(Feature(off, "log_rank") > Feature(on, "log_rank"));
    }

    [Fact]
    public async Task Should_Take_A_Documents_Kind_Of_Answer_From_The_Heading_It_Opens_With_When_It_Has_No_Question()
    {
        // A MEDIQA page headed "Zorbel syndrome (Treatment)" answers treatment questions as a MedQuAD record asking one does.
        await using var test = await TestWorkspace.IndexedAsync(
        [
            Document.Create(new DocumentKey("c", "headed"), "Zorbel syndrome (Treatment)", [new SourceSection("Zorbel syndrome (Treatment)", "Zorbel syndrome is eased by rest in this placeholder text.")]),
            Doc("plain", "Zorbel syndrome", "Zorbel syndrome is named in this other placeholder text."),
        ]);

        var candidates = CandidateFeatures(test.Workspace.Searcher, "treatments for zorbel syndrome");

        Assert.Equal(1, Feature(candidates["headed"], "type_match"));
        Assert.Equal(0, Feature(candidates["headed"], "has_question"));
        Assert.Equal(0, Feature(candidates["plain"], "type_match"));
    }

    [Fact]
    public async Task Should_Read_A_Misspelt_Word_As_The_Indexed_Word_Nearest_It()
    {
        await using var test = await TestWorkspace.IndexedAsync(
        [
            Doc("near", "Zorbelline syndrome", "Zorbelline syndrome is named in this placeholder text."),
            Doc("far", "Zorbelinux", "Zorbelinux syndrome placeholder text."),
            Doc("far2", "Zorbelinux", "Zorbelinux again."),
        ]);
        var w = test.Workspace;

        // "zorbeline" is in no document: one edit from "zorbelline" (one document), two from "zorbelinux" (two).
        var candidates = CandidateFeatures(w.Searcher, "zorbeline syndrome");

        Assert.Equal(1, Feature(candidates["near"], "cover_all"), 3);
        Assert.Equal(1, Feature(candidates["near"], "anchor"));
        Assert.Equal(1, Feature(candidates["near"], "title_in_query"), 3);
        Assert.Equal(0, Feature(candidates["far"], "anchor"));
    }

    [Fact]
    public async Task Should_Read_Question_Terms_With_Misspellings_Corrected_But_Not_Names()
    {
        await using var test = await TestWorkspace.IndexedAsync([Doc("near", "Zorbelline syndrome", "Zorbelline syndrome is named in this placeholder text.")]);
        var w = test.Workspace;

        Assert.Equal(["zorbellin", "syndrom"], w.Searcher.QuestionTerms("zorbeline syndrome").Select(t => t.Term));
        // A capital inside a word marks a name ("ZorBeline" as a brand), not a misspelling of the word it resembles.
        Assert.Equal(["zorbelin", "syndrom"], w.Searcher.QuestionTerms("ZorBeline syndrome").Select(t => t.Term));
    }

    [Fact]
    public async Task Should_Anchor_On_The_Term_That_Documents_Are_About()
    {
        // "Is zorbel quindly?": "quindly" is the rarer word, but only texts say it; "zorbel" names the pages it is in.
        await using var test = await TestWorkspace.IndexedAsync(
        [
            Doc("z1", "Zorbel", "Zorbel is named in this placeholder text."),
            Doc("z2", "Zorbel in adults", "Zorbel is named in this other placeholder text."),
            Doc("z3", "Zorbel in children", "A third placeholder text naming zorbel."),
            Doc("q1", "Quindle syndrome", "Quindle syndrome is quindly, says this placeholder text."),
        ]);

        var (_, focus, _) = test.Workspace.Searcher.QuestionTerms("Is zorbel quindly?", "zorbel quindly");

        Assert.Equal(["zorbel", "quindli"], focus);
        // The reranker's anchor is the question's most topical term too.
        var candidates = CandidateFeatures(test.Workspace.Searcher, "Is zorbel quindly?");
        Assert.Equal(1, Feature(candidates["z1"], "anchor"));
        Assert.Equal(0, Feature(candidates["q1"], "anchor"));
    }

    [Fact]
    public async Task Should_Tell_How_Early_The_Question_Names_The_Title()
    {
        await using var test = await TestWorkspace.IndexedAsync(
        [
            Doc("subject", "Zorbel", "Zorbel and quindle placeholder text."),
            Doc("story", "Quindle", "Quindle and zorbel placeholder text."),
            Doc("none", "Placeholder", "Zorbel and quindle named in a page titled otherwise."),
        ]);

        // A message that opens with its subject, then tells a story around it.
        var candidates = CandidateFeatures(test.Workspace.Searcher, "zorbel my quindle");

        Assert.Equal(1, Feature(candidates["subject"], "title_first"), 3);
        Assert.Equal(0.5, Feature(candidates["story"], "title_first"), 3);
        Assert.Equal(0, Feature(candidates["none"], "title_first"));
    }

    [Fact]
    public void Should_Fingerprint_The_Same_Words_Alike_Behind_A_Label()
    {
        var page = Doc("p", "Zorbel syndrome", "Zorbel text, as written.");
        var answer = Doc("a", "What is zorbel?", "Zorbel   text as written", "What is zorbel?");
        var other = Doc("o", "Zorbel syndrome", "Other zorbel text.");

        var labelled = Doc("l", "example.org", "Zorbel syndrome: Zorbel text, as written.");
        var sentence = Doc("s", "Zorbel syndrome", "Zorbel syndrome is named here. Zorbel text, as written.");

        Assert.Equal(Duplicates.Fingerprint(page), Duplicates.Fingerprint(answer));
        Assert.Equal(Duplicates.Fingerprint(page), Duplicates.Fingerprint(labelled));
        Assert.NotEqual(Duplicates.Fingerprint(page), Duplicates.Fingerprint(other));
        Assert.NotEqual(Duplicates.Fingerprint(page), Duplicates.Fingerprint(sentence));
    }

    [Fact]
    public void Should_Keep_Copies_After_Their_Best_Ranked_Text_And_Leave_The_Rest_In_Order()
    {
        Assert.Equal([0, 2, 1, 3, 4], Duplicates.Together([7, 5, 7, 0, 0]));
    }

    [Fact]
    public async Task Should_Return_Copies_Of_A_Text_Together_With_One_Score()
    {
        await using var test = await TestWorkspace.IndexedAsync(
        [
            Doc("page", "P", "Zorbel quindle."),
            Doc("other", "O", "Zorbel quindle plus more words."),
            // The same words as "page" under a longer question: by BM25 alone it ranks below "other".
            Doc("answer", "What is it in long words, two or three?", "zorbel quindle.", "What is it in long words, two or three?", collection: "d"),
        ]);
        var w = test.Workspace;
        using var firstStage = new DocumentSearcher(w.Index, new SearchOptions { Rerank = false });

        var hits = firstStage.Search("zorbel quindle", 10);

        Assert.Equal(["page", "answer", "other"], hits.Select(h => h.Key.Id));
        Assert.Equal(hits[0].Score, hits[1].Score);
        Assert.True(hits[1].Score > hits[2].Score, string.Join(", ", hits.Select(h => $"{h.Key.Id} {h.Score}")));

        var reranked = w.Searcher.Search("zorbel quindle", 10);
        Assert.Equal(3, reranked.Count);
        Assert.Equal(1, Math.Abs(reranked.ToList().FindIndex(h => h.Key.Id == "page") - reranked.ToList().FindIndex(h => h.Key.Id == "answer")));
        Assert.All(reranked, h => Assert.InRange(h.Score, 0f, 1f));
        Assert.True(reranked.Zip(reranked.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }
}
