using Evidentia.Core.Documents;
using Evidentia.Search.Indexing;
using Evidentia.Search.Retrieval;

namespace Evidentia.Tests.Search;

public class PassageRankerTests
{
    [Fact]
    public void Should_Take_The_Anchor_From_The_Focus_Not_From_The_Words_That_Ask()
    {
        // "first-line" is rarer than the condition here, but it is how the question asks, not what it is about.
        using var analyzer = Analyzers.CreateIndexAnalyzer();
        var onFocus = Document.Create(new DocumentKey("test", "on"), "Zorbel condition", [new SourceSection("", "Zorbel condition is treated with rest and fluids.")]);
        var offFocus = Document.Create(new DocumentKey("test", "off"), "Quindle", [new SourceSection("", "Quindle is a first-line treatment for another made-up condition.")]);
        var documents = new[] { onFocus, offFocus }.ToDictionary(d => d.Key);
        IReadOnlyList<SearchHit> hits = [new(offFocus.Key, offFocus.Title, 1), new(onFocus.Key, onFocus.Title, 1)];
        (string Term, int Count)[] terms = [("first", 1), ("line", 1), ("treatment", 1), ("zorbel", 1), ("condit", 1)];
        var idf = new Dictionary<string, double> { ["first"] = 5, ["line"] = 6, ["treatment"] = 1, ["zorbel"] = 4, ["condit"] = 1 };
        var ranker = new PassageRanker(analyzer);

        double Relevance(IReadOnlyList<Evidentia.Core.Answers.ScoredPassage> ranked, string id) => ranked.Single(p => p.Document.Id == id).Relevance;

        var asked = ranker.Rank(terms, idf, hits, documents);
        var focused = ranker.Rank(terms, idf, hits, documents, ["zorbel", "condit"]);

        // Without the focus the rarest word found, "line", is the anchor and the on-focus document is quartered.
        Assert.True(Relevance(asked, "off") > Relevance(asked, "on"));
        Assert.True(Relevance(focused, "on") > Relevance(focused, "off"));
        Assert.Equal(Relevance(asked, "off") / 4, Relevance(focused, "off"), 6);
    }

    [Fact]
    public void Should_Hold_Documents_To_The_Whole_Focus_When_It_Is_A_Title()
    {
        // "Hay fever" is asked, "fever" its most topical word: rheumatic fever's page names "fever" but not the asked name.
        using var analyzer = Analyzers.CreateIndexAnalyzer();
        var named = Document.Create(new DocumentKey("test", "named"), "Quindle fever", [new SourceSection("", "Quindle fever is treated with made-up fixture drops.")]);
        var other = Document.Create(new DocumentKey("test", "other"), "Zorbel fever", [new SourceSection("", "Zorbel fever is treated with made-up fixture pills.")]);
        var documents = new[] { named, other }.ToDictionary(d => d.Key);
        IReadOnlyList<SearchHit> hits = [new(named.Key, named.Title, 1), new(other.Key, other.Title, 1)];
        (string Term, int Count)[] terms = [("quindl", 1), ("fever", 1), ("treat", 1)];
        var idf = new Dictionary<string, double> { ["quindl"] = 4, ["fever"] = 3, ["treat"] = 1 };
        var ranker = new PassageRanker(analyzer);

        var words = ranker.Rank(terms, idf, hits, documents, ["fever", "quindl"]);
        var name = ranker.Rank(terms, idf, hits, documents, ["fever", "quindl"], focusIsName: true);

        Assert.Equal(0.5, words.Single(p => p.Document.Id == "other").Relevance, 6);
        Assert.Equal(0.5 / 4, name.Single(p => p.Document.Id == "other").Relevance, 6);
        Assert.Equal(1.0, name.Single(p => p.Document.Id == "named").Relevance, 6);
    }

    [Theory]
    [InlineData("treat", "The treatment of zorbel is rest in this made-up text.")]
    [InlineData("treatment", "Zorbel is treated with rest in this made-up text.")]
    [InlineData("diagnos", "The diagnosis of zorbel is made by a fixture test.")]
    public void Should_Count_A_Word_Of_The_Same_Family_That_The_Stemmer_Leaves_Apart(string asked, string text)
    {
        // "treated" and "treatment" stem apart ("treat", "treatment"); so do "diagnosed" and "diagnosis".
        using var analyzer = Analyzers.CreateIndexAnalyzer();
        var page = Document.Create(new DocumentKey("test", "p"), "Zorbel", [new SourceSection("", text)]);
        var documents = new[] { page }.ToDictionary(d => d.Key);
        IReadOnlyList<SearchHit> hits = [new(page.Key, page.Title, 1)];
        var idf = new Dictionary<string, double> { [asked] = 1, ["zorbel"] = 3 };

        var ranked = new PassageRanker(analyzer).Rank([(asked, 1), ("zorbel", 1)], idf, hits, documents);

        Assert.Equal(1.0, ranked.Single().Relevance, 6);
    }

    [Fact]
    public void Should_Count_A_Lists_Items_Not_As_What_It_Is_About()
    {
        // A made-up syndrome's table names "Zorbel" as one of its signs: it is not a list of Zorbel's signs.
        using var analyzer = Analyzers.CreateIndexAnalyzer();
        var syndrome = Document.Create(new DocumentKey("test", "s"), "Quindle syndrome", [new SourceSection("", "Signs of this syndrome include:\n- Zorbel\n- Fixture rash\n- Made-up fever")]);
        var about = Document.Create(new DocumentKey("test", "z"), "Other", [new SourceSection("", "Signs of Zorbel include:\n- Fixture rash\n- Made-up fever\n- Placeholder pain")]);
        var documents = new[] { syndrome, about }.ToDictionary(d => d.Key);
        IReadOnlyList<SearchHit> hits = [new(syndrome.Key, syndrome.Title, 1), new(about.Key, about.Title, 1)];
        (string Term, int Count)[] terms = [("sign", 1), ("zorbel", 1)];
        var idf = new Dictionary<string, double> { ["sign"] = 1, ["zorbel"] = 4 };

        var ranked = new PassageRanker(analyzer).Rank(terms, idf, hits, documents);

        Assert.Single(syndrome.Passages);
        Assert.Equal(0.2, ranked.Single(p => p.Document.Id == "s").Relevance, 6);
        Assert.Equal(1.0, ranked.Single(p => p.Document.Id == "z").Relevance, 6);
    }

    [Fact]
    public void Should_Count_A_Symptom_Table_Only_For_The_Condition_Its_Page_Is_About()
    {
        // The table of "Northern zorbel" is not what the signs of zorbel are; it is what the signs of Northern zorbel are.
        using var analyzer = Analyzers.CreateIndexAnalyzer();
        var table = Document.Create(new DocumentKey("test", "t"), "Northern zorbel",
            [new SourceSection("", $"{Evidentia.Core.Text.SymptomTables.Heading} Fixture rash Very frequent Made-up fever -")]);
        var documents = new[] { table }.ToDictionary(d => d.Key);
        IReadOnlyList<SearchHit> hits = [new(table.Key, table.Title, 1)];
        var idf = new Dictionary<string, double> { ["sign"] = 1, ["symptom"] = 1, ["zorbel"] = 4, ["northern"] = 3 };
        var ranker = new PassageRanker(analyzer);

        var general = ranker.Rank([("symptom", 1), ("zorbel", 1)], idf, hits, documents).Single();
        var named = ranker.Rank([("symptom", 1), ("northern", 1), ("zorbel", 1)], idf, hits, documents).Single();

        Assert.Equal(0.25, general.Relevance, 6);
        Assert.Equal(1.0, named.Relevance, 6);
    }

    [Fact]
    public void Should_Count_The_Parts_Of_A_Hyphenated_Word_Only_Where_They_Stand_Together()
    {
        // "first" of "first-line" is not the "first" of "first diagnosed".
        using var analyzer = Analyzers.CreateIndexAnalyzer();
        var apart = Document.Create(new DocumentKey("test", "apart"), "Other", [new SourceSection("", "Zorbel is usually first diagnosed on a line of fixtures.")]);
        var together = Document.Create(new DocumentKey("test", "together"), "Other", [new SourceSection("", "The first-line treatment of zorbel is made-up rest.")]);
        var documents = new[] { apart, together }.ToDictionary(d => d.Key);
        IReadOnlyList<SearchHit> hits = [new(apart.Key, apart.Title, 1), new(together.Key, together.Title, 1)];
        (string Term, int Count)[] terms = [("first", 1), ("line", 1), ("treatment", 1), ("zorbel", 1)];
        var idf = new Dictionary<string, double> { ["first"] = 1, ["line"] = 1, ["treatment"] = 1, ["zorbel"] = 1 };
        var ranker = new PassageRanker(analyzer);
        var compounds = QueryTerms.Compounds(Analyzers.CreateQuestionAnalyzer(), "What is the first-line treatment of zorbel?");

        double Relevance(IReadOnlyList<Evidentia.Core.Answers.ScoredPassage> ranked, string id) => ranked.Single(p => p.Document.Id == id).Relevance;

        string[] focus = ["zorbel"];
        var words = ranker.Rank(terms, idf, hits, documents, focus);
        var read = ranker.Rank(terms, idf, hits, documents, focus, compounds);

        Assert.Equal(["first", "line"], Assert.Single(compounds).Parts);
        Assert.Equal(0.75, Relevance(words, "apart"), 6);
        Assert.Equal(0.25, Relevance(read, "apart"), 6);
        Assert.Equal(1.0, Relevance(read, "together"), 6);
    }

    [Fact]
    public void Should_Take_A_Sentence_About_Another_Numbered_Kind_For_Off_Focus()
    {
        // Asked about "type 2": a sentence on type 1, or on nothing numbered in a page titled "type 1", is about something else.
        using var analyzer = Analyzers.CreateIndexAnalyzer();
        var other = Document.Create(new DocumentKey("test", "other"), "Zorbel", [new SourceSection("", "Treatment for type 1 zorbel includes made-up rest.")]);
        var titled = Document.Create(new DocumentKey("test", "titled"), "Zorbel type I", [new SourceSection("", "Treatment for zorbel includes made-up rest.")]);
        var asked = Document.Create(new DocumentKey("test", "asked"), "Zorbel type I", [new SourceSection("", "Treatment for type II zorbel includes made-up rest.")]);
        var documents = new[] { other, titled, asked }.ToDictionary(d => d.Key);
        IReadOnlyList<SearchHit> hits = [new(other.Key, other.Title, 1), new(titled.Key, titled.Title, 1), new(asked.Key, asked.Title, 1)];
        (string Term, int Count)[] terms = [("treatment", 1), ("zorbel", 1)];
        var idf = new Dictionary<string, double> { ["treatment"] = 1, ["zorbel"] = 1 };

        var ranked = new PassageRanker(analyzer).Rank(terms, idf, hits, documents, kinds: Evidentia.Core.Text.NumberedKinds.Of("How is type 2 zorbel treated?"));

        Assert.Equal(0.25, ranked.Single(p => p.Document.Id == "other").Relevance, 6);
        Assert.Equal(0.25, ranked.Single(p => p.Document.Id == "titled").Relevance, 6);
        Assert.Equal(1.0, ranked.Single(p => p.Document.Id == "asked").Relevance, 6);
    }

    [Fact]
    public void Should_Take_What_A_Narrower_Conditions_Page_Says_Of_It_For_Off_Focus()
    {
        // Asked about zorbel, the page "Familial zorbel" answers only where it speaks of zorbel itself.
        using var analyzer = Analyzers.CreateIndexAnalyzer();
        var narrower = Document.Create(new DocumentKey("test", "n"), "Site » Familial zorbel (Summary)",
            [new SourceSection("", "Familial zorbel is a made-up cluster. Most cases of zorbel are made up. It has no made-up cure.")],
            evidenceLevel: EvidenceLevel.PatientInformation);
        var pair = Document.Create(new DocumentKey("test", "p"), "Overweight and zorbel",
            [new SourceSection("", "Overweight fixtures and zorbel are made up.")], evidenceLevel: EvidenceLevel.PatientInformation);
        var paper = Document.Create(new DocumentKey("test", "r"), "Familial zorbel in fixtures.",
            [new SourceSection("", "Familial zorbel was made up in fixtures.")], evidenceLevel: EvidenceLevel.Research);
        var asking = Document.Create(new DocumentKey("test", "q"), "How to treat zorbel?",
            [new SourceSection("", "Treat zorbel with made-up rest.")], evidenceLevel: EvidenceLevel.PatientInformation);
        var documents = new[] { narrower, pair, paper, asking }.ToDictionary(d => d.Key);
        IReadOnlyList<SearchHit> hits = [.. documents.Values.Select(d => new SearchHit(d.Key, d.Title, 1))];
        var idf = new Dictionary<string, double> { ["zorbel"] = 1 };

        var ranked = new PassageRanker(analyzer).Rank([("zorbel", 1)], idf, hits, documents, ["zorbel"]);

        double Relevance(string text) => ranked.Single(p => p.Text == text).Relevance;
        Assert.Equal(0.25, Relevance("Familial zorbel is a made-up cluster."), 6);
        Assert.Equal(1.0, Relevance("Most cases of zorbel are made up."), 6);
        Assert.Equal(0.25, Relevance("It has no made-up cure."), 6);
        Assert.Equal(1.0, Relevance("Overweight fixtures and zorbel are made up."), 6);
        Assert.Equal(1.0, Relevance("Familial zorbel was made up in fixtures."), 6);
        Assert.Equal(1.0, Relevance("Treat zorbel with made-up rest."), 6);
    }
}
