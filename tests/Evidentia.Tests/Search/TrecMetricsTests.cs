using Evidentia.Search.Evaluation;

namespace Evidentia.Tests.Search;

public class TrecMetricsTests
{
    [Fact]
    public void Should_Score_Like_The_Reference_Scorer()
    {
        // q1: relevant a (grade 4) and b (grade 3); c is judged 1 (not relevant at min 3). q2 has nothing relevant: not counted.
        // q3 is judged but missing from the run: it scores 0.
        var qrels = new Dictionary<string, Dictionary<string, int>>
        {
            ["q1"] = new() { ["a"] = 4, ["b"] = 3, ["c"] = 1 },
            ["q2"] = new() { ["x"] = 1 },
            ["q3"] = new() { ["z"] = 3 },
        };
        var run = new Dictionary<string, IReadOnlyList<string>> { ["q1"] = ["c", "b", "a"], ["q2"] = ["x"] };

        var scores = TrecMetrics.Score(qrels, run, minRelevant: 3);

        // q1: DCG = 7/log2(3)... b at rank 2 (gain 2^3-1 = 7, discount log2(3)), a at rank 3 (gain 15, log2(4) = 2).
        var dcg = (7 / Math.Log2(3)) + (15 / 2.0);
        var idcg = 15 + (7 / Math.Log2(3));
        Assert.Equal(2, scores.Queries);
        Assert.Equal(dcg / idcg / 2, scores.Ndcg10, 10);
        Assert.Equal(0.5, scores.Recall10, 10);
        Assert.Equal(0.5 / 2, scores.Mrr10, 10);
    }

    [Fact]
    public void Should_Score_The_Condensed_List_And_The_Share_Judged()
    {
        // u and v are unjudged: nDCG@10 counts them as not relevant; the condensed list leaves them out.
        var qrels = new Dictionary<string, Dictionary<string, int>>
        {
            ["q1"] = new() { ["a"] = 4, ["b"] = 3, ["c"] = 1 },
            ["q2"] = new() { ["z"] = 3 },
        };
        var run = new Dictionary<string, IReadOnlyList<string>> { ["q1"] = ["u", "b", "v", "c", "a"], ["q2"] = ["w"] };

        var scores = TrecMetrics.Score(qrels, run, minRelevant: 3);

        var idcg = 15 + (7 / Math.Log2(3));
        // Ranks 2 and 5 as run; ranks 1 and 3 once u and v are gone (b, c, a); q2 scores 0 either way.
        Assert.Equal(((7 / Math.Log2(3)) + (15 / Math.Log2(6))) / idcg / 2, scores.Ndcg10, 10);
        Assert.Equal((7 + (15 / 2.0)) / idcg / 2, scores.CondensedNdcg10, 10);
        Assert.Equal(((3 / 10.0) + 0) / 2, scores.Judged10, 10);
    }

    [Fact]
    public void Should_Give_Each_Query_Its_Own_Ndcg_That_The_Mean_Averages()
    {
        var qrels = new Dictionary<string, Dictionary<string, int>>
        {
            ["q1"] = new() { ["a"] = 4, ["b"] = 3, ["c"] = 1 },
            ["q2"] = new() { ["x"] = 1 },
            ["q3"] = new() { ["z"] = 3 },
        };
        var run = new Dictionary<string, IReadOnlyList<string>> { ["q1"] = ["c", "b", "a"], ["q2"] = ["x"] };

        var byQuery = TrecMetrics.Ndcg10ByQuery(qrels, run, minRelevant: 3);

        // q2 has nothing relevant and is not scored; q3 is missing from the run and scores 0.
        Assert.Equal(["q1", "q3"], byQuery.Keys.Order());
        Assert.Equal(((7 / Math.Log2(3)) + (15 / 2.0)) / (15 + (7 / Math.Log2(3))), byQuery["q1"], 10);
        Assert.Equal(0, byQuery["q3"]);
        Assert.Equal(TrecMetrics.Score(qrels, run, 3).Ndcg10, byQuery.Values.Average(), 10);
    }
}
