namespace Evidentia.Storage.Relational;

/// <summary>The JSON form of a section in the <c>documents.sections</c> column: heading, start, end.</summary>
internal sealed record StoredSection(string H, int S, int E);
