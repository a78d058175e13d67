using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Core.Documents;

namespace Evidentia.Tests.Articles;

/// <summary>Edits on a made-up answer (test fixtures, not clinical evidence).</summary>
public class ArticleEditTests
{
    private static AnswerItem Item(string text, params int[] cited) =>
        new(text, cited, cited.Select(n => new Quote(n, $"doc{n}", "test", 0, text.Length, text)).ToList());

    private static Reference Ref(int n) => new(n, $"doc{n}", "test", $"Title {n}", null, 2020, EvidenceLevel.Research, null);

    private static readonly Answer Sample = new()
    {
        Id = "a-test",
        Outcome = AnswerOutcome.Answered,
        Question = "Made-up question?",
        Audience = Audience.Physician,
        BottomLine = [Item("Bottom sentence cites one.", 1)],
        Sections =
        [
            new AnswerSection("First", [Item("First A cites two.", 2), Item("First B cites three.", 3)]),
            new AnswerSection("Second", [Item("Second A cites one and three.", 1, 3)]),
        ],
        References = [Ref(1), Ref(2), Ref(3)],
    };

    [Fact]
    public void Should_Key_Every_Sentence_By_Its_Place()
    {
        Assert.Equal(["b0", "s0-0", "s0-1", "s1-0"], ArticleEdit.Items(Sample).Select(i => i.Key));
    }

    [Fact]
    public void Should_Remove_And_Reorder_Sentences_And_Renumber_References_In_Order_Of_First_Use()
    {
        var edited = ArticleEdit.Apply(Sample, ["s0-1", "s0-0"], "A reviewer's note.");

        Assert.Empty(edited.BottomLine);
        Assert.Equal(["First B cites three.", "First A cites two."], edited.Sections.Single().Items.Select(i => i.Text));
        Assert.Equal([[1], [2]], edited.Sections.Single().Items.Select(i => i.Citations.ToArray()));
        Assert.Equal([1, 2], edited.Sections.Single().Items.SelectMany(i => i.Quotes).Select(q => q.N));
        Assert.Equal(["doc3", "doc2"], edited.References.Select(r => r.DocumentId));
        Assert.Equal([1, 2], edited.References.Select(r => r.N));
        Assert.Equal("A reviewer's note.", edited.ReviewerNote);
    }

    [Fact]
    public void Should_Only_Keep_Sentences_Of_The_Original()
    {
        var edited = ArticleEdit.Apply(Sample, ["b0", "s1-0"], null);

        var original = ArticleEdit.Items(Sample).Select(i => i.Item.Text).ToHashSet();
        Assert.All(edited.AllItems, item => Assert.Contains(item.Text, original));
        Assert.Null(edited.ReviewerNote);
    }

    [Theory]
    [InlineData("s9-9")]
    [InlineData("added sentence")]
    public void Should_Reject_A_Sentence_That_Is_Not_In_The_Answer(string key)
    {
        Assert.Throws<ArgumentException>(() => ArticleEdit.Apply(Sample, ["b0", key], null));
    }

    [Fact]
    public void Should_Reject_A_Repeated_Sentence_An_Empty_Answer_And_An_Overlong_Note()
    {
        Assert.Throws<ArgumentException>(() => ArticleEdit.Apply(Sample, ["b0", "b0"], null));
        Assert.Throws<ArgumentException>(() => ArticleEdit.Apply(Sample, [], null));
        Assert.Throws<ArgumentException>(() => ArticleEdit.Apply(Sample, ["b0"], new string('n', ArticleEdit.MaxNoteLength + 1)));
    }

    [Fact]
    public void Should_Compare_Versions_Word_By_Word()
    {
        var edited = ArticleEdit.Apply(Sample, ["b0", "s0-0", "s0-1"], null);

        var diff = VersionDiff.Compare(Sample, edited);

        Assert.Contains(diff, d => d.Kind == DiffKind.Removed && d.Text.Contains("Second", StringComparison.Ordinal));
        Assert.DoesNotContain(diff, d => d.Kind == DiffKind.Added && d.Text.Contains("First", StringComparison.Ordinal));
        Assert.Equal(AnswerText.Render(edited), string.Concat(diff.Where(d => d.Kind != DiffKind.Removed).Select(d => d.Text)).Replace("\r", "", StringComparison.Ordinal));
    }
}
