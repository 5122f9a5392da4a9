using System.Globalization;
using System.Text;

namespace MeshOps.Generators.Common
{
    /// <summary>Builds generated C# line by line with four-space indentation and "\n" line ends, whatever the OS.</summary>
    internal sealed class IndentedWriter
    {
        private readonly StringBuilder builder = new StringBuilder();
        private int depth;

        public IndentedWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                builder.Append(' ', depth * 4).Append(text);
            }

            builder.Append('\n');
            return this;
        }

        public IndentedWriter Open(string header)
        {
            Line(header);
            Line("{");
            depth++;
            return this;
        }

        public IndentedWriter Close(string closer = "}")
        {
            depth--;
            return Line(closer);
        }

        public override string ToString() => builder.ToString();

        /// <summary>A C# regular string literal with every character that needs it escaped.</summary>
        public static string Literal(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            var text = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    default:
                        if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                        {
                            text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c);
                        }

                        break;
                }
            }

            return text.Append('"').ToString();
        }

        public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
