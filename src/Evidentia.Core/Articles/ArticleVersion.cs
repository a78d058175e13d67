using Evidentia.Core.Answers;

namespace Evidentia.Core.Articles;

/// <summary>One version of an article: version 1 is the composed answer; every edit adds one.</summary>
public sealed record ArticleVersion(
    string ArticleId, int Version, Answer Answer, ArticleSnapshot Snapshot, string Author, string? Note, DateTimeOffset CreatedUtc);
