using Evidentia.Core.Documents;
using Evidentia.Search;
using Evidentia.Search.Indexing;
using Evidentia.Search.Retrieval;

namespace Evidentia.Tests.Search;

public class SentenceChoiceTests
{
    [Fact]
    public void Should_Ship_A_Model_Of_Every_Signal_The_Ranker_Computes()
    {
        using var analyzer = Analyzers.CreateIndexAnalyzer();
        var document = Document.Create(new DocumentKey("test", "d"), "Zorbel condition", [new SourceSection("", "Zorbel condition is treated with made-up fixture drops.")]);
        var ranked = new PassageRanker(analyzer).Rank([("zorbel", 1), ("treat", 1)], new Dictionary<string, double> { ["zorbel"] = 4, ["treat"] = 1 },
            [new SearchHit(document.Key, document.Title, 1)], new Dictionary<DocumentKey, Document> { [document.Key] = document });

        var passage = Assert.Single(ranked);
        Assert.Equal(SentenceChoice.Names.Length, passage.Features!.Length);
        Assert.Equal(SentenceChoice.Shipped.Probability(passage.Features), passage.Score, 12);
        Assert.InRange(passage.Score, 0, 1);
    }

    [Fact]
    public void Should_Order_Sentences_By_The_Model_It_Is_Given()
    {
        // Two sentences of one document: a model that weighs only the position puts the later one first.
        using var analyzer = Analyzers.CreateIndexAnalyzer();
        var document = Document.Create(new DocumentKey("test", "d"), "Zorbel condition",
            [new SourceSection("", "Zorbel condition is treated with made-up fixture drops. Zorbel condition is also treated with made-up fixture rest.")]);
        var n = SentenceChoice.Names.Length;
        var weights = new double[n];
        weights[Array.IndexOf(SentenceChoice.Names, "position")] = 1;
        var later = new LogisticModel(new double[n], Enumerable.Repeat(1.0, n).ToArray(), weights, 0);

        var ranked = new PassageRanker(analyzer, later).Rank([("zorbel", 1)], new Dictionary<string, double> { ["zorbel"] = 4 },
            [new SearchHit(document.Key, document.Title, 1)], new Dictionary<DocumentKey, Document> { [document.Key] = document });

        Assert.Equal(2, ranked.Count);
        Assert.Equal(1, ranked.MaxBy(p => p.Score)!.Passage.Span.Start > 0 ? 1 : 0);
    }

    [Fact]
    public void Should_Refuse_A_Model_Of_Other_Signals()
    {
        Assert.Throws<InvalidDataException>(() => SentenceChoice.Read("""{ "mean": [0], "scale": [1], "weights": [1], "bias": 0 }"""));
    }
}
