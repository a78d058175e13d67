using Evidentia.Core.Answers;

namespace Evidentia.Web.Pages.Shared;

/// <summary>One sentence of an answer with the answer it belongs to (for its references' titles), and a key unique in the page.</summary>
public sealed record ItemView(AnswerItem Item, Answer Answer, string Key)
{
    /// <summary>The page the reference list is on, when it is not this one ("/answers/a-…").</summary>
    public string ReferencePage { get; init; } = "";
}
