using Evidentia.Core.Text;

namespace Evidentia.Tests.Text;

public class NumberedKindsTests
{
    [Fact]
    public void Should_Read_Numbers_And_Roman_Numerals_Alike()
    {
        Assert.Equal(["type 2", "stage 3a", "grade 1"], NumberedKinds.Of("Type II zorbel at stage IIIa, grade-1 fixtures."));
    }

    [Fact]
    public void Should_Read_Every_Number_Of_A_List()
    {
        Assert.Equal(["stage 3", "stage 4", "class 1", "class 2"], NumberedKinds.Of("Late (stage III or IV) zorbel; classes 1, 2 alike."));
    }

    [Theory]
    [InlineData("Type 1 zorbel is made up.", true)]
    [InlineData("Type 1 and type 2 zorbel are made up.", false)]
    [InlineData("Type II zorbel is made up.", false)]
    [InlineData("Stage 1 zorbel is made up.", false)]
    [InlineData("Zorbel is made up.", false)]
    [InlineData("Type 2b zorbel is made up.", false)]
    public void Should_Tell_A_Sentence_About_Only_Another_Kind(string sentence, bool others)
    {
        Assert.Equal(others, NumberedKinds.OthersOnly(sentence, NumberedKinds.Of("What is type 2 zorbel?")));
    }

    [Fact]
    public void Should_Not_Read_Words_As_Numerals()
    {
        Assert.Empty(NumberedKinds.Of("This type is in a class of its own; the stage i.e. the type in phase with it."));
    }

    [Fact]
    public void Should_Tell_Subtypes_Apart_But_Not_From_Their_Kind()
    {
        var asked = NumberedKinds.Of("What are the signs of zorbel type 1A?");

        Assert.True(NumberedKinds.OthersOnly("Zorbel type 1E is made up.", asked));
        Assert.False(NumberedKinds.OthersOnly("Zorbel type 1 is made up.", asked));
        Assert.False(NumberedKinds.OthersOnly("Zorbel type IA is made up.", asked));
    }
}
