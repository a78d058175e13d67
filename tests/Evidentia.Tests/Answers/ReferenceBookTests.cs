using Evidentia.Core.Answers;
using Evidentia.Core.Documents;

namespace Evidentia.Tests.Answers;

public class ReferenceBookTests
{
    private static ScoredPassage Passage(string collection, string id, string title, string? url) =>
        Document.Create(new DocumentKey(collection, id), title, [new SourceSection("", "Zorbel is a placeholder word.")], url: url) is var d
            ? new ScoredPassage(d, d.Passages[0], 1, 1)
            : throw new InvalidOperationException();

    [Fact]
    public void Should_Number_One_Page_Once_However_Many_Documents_It_Is_Stored_As()
    {
        var book = new ReferenceBook();
        var section = Passage("medquad", "Page_Sec1", "Zorbel", "https://example.org/zorbel");
        var other = Passage("other", "other-1", "Something else", "https://example.org/else");
        var copy = Passage("mediqa", "q1_Answer2", "ZORBEL ", "https://example.org/zorbel ");
        var sameAddressOtherTitle = Passage("mediqa", "q2_Answer1", "Zorbel (Treatment)", "https://example.org/zorbel");
        var noAddress = Passage("c", "a", "Zorbel", null);
        var noAddressEither = Passage("c", "b", "Zorbel", null);

        Assert.Equal([1], book.Item("First.", [section]).Citations);
        Assert.Equal([2, 1], book.Item("Second.", [other, copy]).Citations);
        Assert.Equal([3, 4, 5], book.Item("Third.", [sameAddressOtherTitle, noAddress, noAddressEither]).Citations);

        // Every document stays listed under its number, with its own quotes.
        Assert.Equal(
            [(1, "Page_Sec1"), (1, "q1_Answer2"), (2, "other-1"), (3, "q2_Answer1"), (4, "a"), (5, "b")],
            book.References.Select(r => (r.N, r.DocumentId)));
        Assert.Equal(["Page_Sec1"], book.Item("Again.", [section]).Quotes.Select(q => q.DocumentId));
    }
}
