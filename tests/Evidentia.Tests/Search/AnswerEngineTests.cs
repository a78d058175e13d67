using Evidentia.Search;

namespace Evidentia.Tests.Search;

public class AnswerEngineTests
{
    [Theory]
    [InlineData("What is (are) Noonan syndrome ?", "What is (are) Noonan syndrome?")]
    [InlineData("Who is at risk for Noonan syndrome? ?", "Who is at risk for Noonan syndrome?")]
    [InlineData("How  to   diagnose Noonan syndrome ?", "How to diagnose Noonan syndrome?")]
    public void Should_Show_An_Indexed_Question_With_One_Mark(string indexed, string shown) =>
        Assert.Equal(shown, AnswerEngine.Tidy(indexed));
}
