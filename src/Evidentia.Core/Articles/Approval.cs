namespace Evidentia.Core.Articles;

/// <summary>Who approved an article and when: shown to readers once it is approved.</summary>
public sealed record Approval(string Reviewer, string? Credentials, DateTimeOffset Utc);
