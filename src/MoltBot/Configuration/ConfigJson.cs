using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MoltBot.Configuration.Schema;

namespace MoltBot.Configuration;

/// <summary>
/// Writes effective leaves back as nested JSON (for <c>config get</c>/<c>show</c>), secrets as <c>"***"</c> unless asked,
/// secret references as the reference object (<c>{ "source": "file", "path": ... }</c>, never the value). No reflection.
/// </summary>
internal static class ConfigJson
{
    public const string Redacted = "***";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON string literal.</summary>
    public static string Quote(string value) => Write(w => w.WriteStringValue(value), indented: false);

    /// <summary>One leaf value as JSON (<c>"text"</c>, <c>18789</c>, <c>true</c>, <c>["a"]</c>), redacted when secret unless <paramref name="showSecrets"/>.</summary>
    public static string Value(ConfigLeaf leaf, bool showSecrets) => Write(w => WriteValue(w, leaf, showSecrets), indented: false);

    /// <summary>The leaves under <paramref name="prefix"/> (<c>""</c> for all) as one nested JSON object, paths relative to the prefix.</summary>
    public static string Tree(IEnumerable<ConfigLeaf> leaves, string prefix, bool showSecrets) => Write(w => WriteTree(w, leaves, prefix, showSecrets), indented: true);

    public static void WriteTree(Utf8JsonWriter writer, IEnumerable<ConfigLeaf> leaves, string prefix, bool showSecrets)
    {
        var root = new Node();
        foreach (var leaf in leaves)
        {
            var relative = prefix.Length == 0 ? leaf.Path : leaf.Path[prefix.Length..].TrimStart('.');
            if (relative.Length > 0 && ConfigPath.TryParse(relative.StartsWith('[') ? "_" + relative : relative, out var segments))
            {
                var node = root;
                foreach (var segment in relative.StartsWith('[') ? segments.Skip(1) : segments)
                {
                    node = node.Child(segment);
                }
                node.Leaf = leaf;
            }
        }
        root.Write(writer, showSecrets);
    }

    public static void WriteValue(Utf8JsonWriter writer, ConfigLeaf leaf, bool showSecrets)
    {
        switch (leaf.Value)
        {
            case SecretValue { Reference: { } reference }:
                // A reference is not the secret: it says where the secret lives, which is what an operator needs to see.
                reference.WriteTo(writer);
                break;
            case SecretValue secret:
                writer.WriteStringValue(showSecrets ? secret.Value : Redacted);
                break;
            case string _ when leaf.IsSecret && !showSecrets:
                writer.WriteStringValue(Redacted);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case long n:
                writer.WriteNumberValue(n);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }
                writer.WriteEndArray();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static string Write(Action<Utf8JsonWriter> write, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options with { Indented = indented }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>An object (named children), a list (indexed children) or a leaf, rebuilt from dotted paths.</summary>
    private sealed class Node
    {
        private readonly List<(ConfigPathSegment Segment, Node Node)> _children = [];

        public ConfigLeaf? Leaf { get; set; }

        public Node Child(ConfigPathSegment segment)
        {
            foreach (var (s, n) in _children)
            {
                if (s == segment)
                {
                    return n;
                }
            }
            var child = new Node();
            _children.Add((segment, child));
            return child;
        }

        public void Write(Utf8JsonWriter writer, bool showSecrets)
        {
            if (Leaf is not null)
            {
                WriteValue(writer, Leaf, showSecrets);
                return;
            }
            var isList = _children.Count > 0 && _children[0].Segment.Index is not null;
            if (isList)
            {
                writer.WriteStartArray();
                foreach (var (_, node) in _children.OrderBy(c => c.Segment.Index))
                {
                    node.Write(writer, showSecrets);
                }
                writer.WriteEndArray();
                return;
            }
            writer.WriteStartObject();
            foreach (var (segment, node) in _children)
            {
                writer.WritePropertyName(segment.Name!);
                node.Write(writer, showSecrets);
            }
            writer.WriteEndObject();
        }
    }
}
