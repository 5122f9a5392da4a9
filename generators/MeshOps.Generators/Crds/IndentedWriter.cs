using System.Text;

namespace MeshOps.Generators.Crds
{
    /// <summary>Builds source text line by line with four-space indentation and '\n' line ends on every platform.</summary>
    internal sealed class IndentedWriter
    {
        private readonly StringBuilder _builder = new();
        private int _depth;

        public IndentedWriter Line(string text = "")
        {
            if (text.Length > 0)
                _builder.Append(' ', _depth * 4).Append(text);
            _builder.Append('\n');
            return this;
        }

        public IndentedWriter Open(string text)
        {
            Line(text);
            Line("{");
            _depth++;
            return this;
        }

        public IndentedWriter Close(string suffix = "")
        {
            _depth--;
            return Line("}" + suffix);
        }

        public override string ToString() => _builder.ToString();
    }
}
