using System.Text.Json.Serialization;

namespace Evidentia.Storage.Relational;

/// <summary>Source-generated JSON for the compact columns of the store.</summary>
[JsonSerializable(typeof(IEnumerable<StoredSection>))]
[JsonSerializable(typeof(StoredSection[]))]
[JsonSerializable(typeof(IEnumerable<int>))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(Dictionary<string, string[]>))]
internal sealed partial class StorageJson : JsonSerializerContext;
