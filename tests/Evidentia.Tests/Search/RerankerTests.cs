using Evidentia.Search.Retrieval;

namespace Evidentia.Tests.Search;

public class RerankerTests
{
    private static readonly float[] Zero = new float[RerankFeatures.Count];

    // One split on feature 3 at 0.5 (left: leaf 0 = -1, right: leaf 1 = +2), weight 0.5, and a single-leaf tree of 0.25.
    private static Reranker Model() => Reranker.FromJson(Reranker.ToJson(RerankFeatures.Names, 0.1,
    [
        new Reranker.Tree(0.5, [3], [0.5f], [~0], [~1], [-1, 2]),
        new Reranker.Tree(1, [], [], [], [], [0.25]),
    ]));

    [Fact]
    public void Should_Walk_Each_Tree_Left_At_Or_Below_The_Threshold_And_Add_Weighted_Leaves()
    {
        var model = Model();
        var at = (float[])Zero.Clone();
        at[3] = 0.5f;
        var above = (float[])Zero.Clone();
        above[3] = 0.51f;

        Assert.Equal(0.1 - 0.5 + 0.25, model.Score(at), 6);
        Assert.Equal(0.1 + 1 + 0.25, model.Score(above), 6);
    }

    [Fact]
    public void Should_Refuse_A_Model_Trained_On_Other_Features()
    {
        var json = Reranker.ToJson(["score", "something_else"], 0, []);

        var error = Assert.Throws<InvalidDataException>(() => Reranker.FromJson(json));
        Assert.Contains("something_else", error.Message, StringComparison.Ordinal);
        Assert.Contains("bench -- retrieval --write-model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Ship_A_Trained_Model_For_These_Features()
    {
        Assert.True(Reranker.Default.Trees > 0);
        var better = (float[])Zero.Clone();
        // Everything asked is in the candidate, which also led the first stage.
        better[0] = 10;
        better[1] = 1;
        better[2] = 1;
        better[3] = 1;
        better[4] = 1;
        better[13] = 1;
        better[14] = 1;
        var worse = (float[])Zero.Clone();
        worse[0] = 1;
        worse[1] = 0.1f;
        worse[2] = (float)Math.Log2(101);
        Assert.True(Reranker.Default.Score(better) > Reranker.Default.Score(worse));
    }
}
