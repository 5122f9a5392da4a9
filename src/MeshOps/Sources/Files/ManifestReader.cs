using System.Text;
using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Sources.Files;

/// <summary>
/// One load call: reads sources one after another into a single result. Every failure becomes a
/// <see cref="LoadError"/> for its file, so one bad file never stops the others.
/// </summary>
internal sealed class ManifestReader
{
    private readonly LoaderOptions options;
    private readonly YamlDocumentReader documentReader;
    private readonly ResourceExtractor extractor;
    private readonly List<ManifestResource> resources = [];
    private readonly List<LoadError> errors = [];

    public ManifestReader(LoaderOptions options)
    {
        this.options = options;
        documentReader = new YamlDocumentReader(YamlLimits.MaxDepth, options.MaxNodesPerDocument);
        extractor = new ResourceExtractor(new TypedModelMapper(options), new PositionTableBuilder());
    }

    public List<LoadError> Errors => errors;

    public ManifestSet ToManifestSet() => new(resources, errors);

    public void ReadFile(string file)
    {
        if (!BoundedFileReader.TryRead(file, options.MaxFileBytes, out var bytes, out var readError))
        {
            errors.Add(readError!);
            return;
        }
        if (!SourceTextDecoder.TryDecode(bytes, file, out var text, out var decodeError))
        {
            errors.Add(decodeError!);
            return;
        }
        ReadDocuments(text, file);
    }

    public void ReadText(string text, string sourceName)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount > options.MaxFileBytes)
        {
            errors.Add(new LoadError(LoadErrorIds.FileTooLarge, new SourceLocation(sourceName, 0, 0),
                $"The input is {byteCount:N0} bytes, more than the {options.MaxFileBytes:N0}-byte limit (LoaderOptions.MaxFileBytes); it was not read."));
            return;
        }
        ReadDocuments(text.StartsWith('\uFEFF') ? text[1..] : text, sourceName);
    }

    private void ReadDocuments(string text, string file)
    {
        foreach (var document in documentReader.Read(text))
        {
            if (document.Problem is { } problem)
                errors.Add(new LoadError(problem.ErrorId, new SourceLocation(file, problem.Line, problem.Column), problem.Message));
            else
                extractor.Extract(document, file, resources, errors);
        }
    }
}
