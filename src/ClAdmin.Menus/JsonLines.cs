using System.Text;
using System.Text.Json;

namespace ClAdmin.Menus;

/// <summary>Maps the JSON pointer of every value in a document to its 1-based line.</summary>
internal static class JsonLines
{
    public static Dictionary<string, int> Map(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        // Each frame: the pointer of the container, and for arrays the next index, for objects the pending property.
        var stack = new Stack<(string Pointer, bool IsArray, int Index, string? Property)>();
        try
        {
            while (reader.Read())
            {
                var line = LineOf(reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var top = stack.Pop();
                        stack.Push(top with { Property = reader.GetString() });
                        map.TryAdd(top.Pointer + "/" + Escape(reader.GetString()!), line);
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var pointer = NextPointer();
                        map.TryAdd(pointer, line);
                        stack.Push((pointer, reader.TokenType == JsonTokenType.StartArray, 0, null));
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop();
                        continue;
                    default:
                        map.TryAdd(NextPointer(), line);
                        continue;
                }
            }
        }
        catch (JsonException)
        {
            // Syntax errors are reported by the parser; the lines found so far are still useful.
        }
        return map;

        string NextPointer()
        {
            if (stack.Count == 0)
            {
                return "";
            }
            var top = stack.Pop();
            string pointer;
            if (top.IsArray)
            {
                pointer = top.Pointer + "/" + top.Index;
                top = top with { Index = top.Index + 1 };
            }
            else
            {
                pointer = top.Pointer + "/" + Escape(top.Property ?? "");
            }
            stack.Push(top);
            return pointer;
        }

        int LineOf(long offset)
        {
            var index = lineStarts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }

    public static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
