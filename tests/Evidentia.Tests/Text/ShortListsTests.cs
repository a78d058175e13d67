using Evidentia.Core.Text;

namespace Evidentia.Tests.Text;

// Placeholder text: these lists test the mechanics, they are not evidence.
public class ShortListsTests
{
    private static List<string> Passages(string text)
    {
        var normalized = WhitespaceNormalizer.Normalize(text);
        return ShortLists.Join(normalized, SentenceSplitter.Split(normalized)).Select(s => normalized[s.Start..s.End]).ToList();
    }

    [Fact]
    public void Should_Make_A_Short_List_One_Passage_With_The_Line_That_Introduces_It()
    {
        var passages = Passages("A first sentence stands alone.\n\nSigns of the placeholder condition include:\n\nFirst sign\n\nSecond sign of the list\n\nThird sign\n\nA sentence after the list stands alone.");

        Assert.Equal(
            ["A first sentence stands alone.", "Signs of the placeholder condition include:\n\nFirst sign\n\nSecond sign of the list\n\nThird sign", "A sentence after the list stands alone."],
            passages);
    }

    [Fact]
    public void Should_Join_Bulleted_Items_Too()
    {
        Assert.Equal(["Steps include:\n- First step\n- Second step\n- Third step"], Passages("Steps include:\n- First step\n- Second step\n- Third step"));
    }

    [Theory]
    // Items that are sentences stand alone: each says something.
    [InlineData("Steps include:\nDo the first placeholder thing now.\nDo the second placeholder thing now.\nDo the third one.", 4)]
    // One item is not a list.
    [InlineData("The placeholder sign is:\nFirst sign\n\nA sentence after it stands alone.", 3)]
    // Lines under a line that does not end in a colon.
    [InlineData("Placeholder signs\n\nFirst sign\n\nSecond sign\n\nThird sign", 4)]
    public void Should_Leave_Other_Lines_As_Sentences(string text, int count)
    {
        Assert.Equal(count, Passages(text).Count);
    }

    [Fact]
    public void Should_End_The_List_At_An_Item_Of_More_Than_A_Few_Words()
    {
        var passages = Passages("Signs include:\n\nFirst sign\n\nSecond sign\n\nA line of more than twelve words that goes on and on and on and on without an end");

        Assert.Equal(["Signs include:\n\nFirst sign\n\nSecond sign", "A line of more than twelve words that goes on and on and on and on without an end"], passages);
    }

    [Fact]
    public void Should_Show_A_Short_List_On_One_Line_And_Anything_Else_As_It_Is()
    {
        Assert.Equal("Signs include: First sign; Second sign; Third sign.", ShortLists.Inline("Signs include:\n\nFirst sign\n\n- Second sign\n\nThird sign"));
        Assert.Equal("A sentence wrapped\nover two lines.", ShortLists.Inline("A sentence wrapped\nover two lines."));
    }
}
