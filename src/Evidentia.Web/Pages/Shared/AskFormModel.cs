using Evidentia.Core.Answers;

namespace Evidentia.Web.Pages.Shared;

/// <summary>The ask box and the follow-up box: one form, posted to the page that shows it.</summary>
public sealed record AskFormModel(string Action, string FieldId, string Label, string Button)
{
    public string? Question { get; init; }

    public string Placeholder { get; init; } = "For example: how is high blood pressure treated?";

    public Audience Audience { get; init; } = Audience.Physician;

    public bool ShowAudience { get; init; }

    public string? ThreadId { get; init; }

    public string? Error { get; init; }
}
