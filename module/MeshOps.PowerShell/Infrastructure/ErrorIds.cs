using System.Management.Automation;
using MeshOps.Sources;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// Every error ID the module writes, each with the one category PowerShell shows for it. The IDs are the
/// <c>MeshOps.*</c> form: the SDK's load error IDs (<see cref="LoadErrorIds"/>, categorised by their kind) and the few
/// errors only a cmdlet can make. They are documented as stable, so scripts may match on them; never rename one.
/// </summary>
internal static class ErrorIds
{
    /// <summary>A path that names nothing, or a wildcard that matches nothing: the SDK's ID, so one name for both.</summary>
    public const string PathNotFound = LoadErrorIds.PathNotFound;

    /// <summary>A path on a provider other than the file system (Env:, HKLM:).</summary>
    public const string NotFileSystemPath = "MeshOps.NotFileSystemPath";

    /// <summary>A rule ID that is not in the catalogue (the SDK's <c>UnknownRuleException</c>).</summary>
    public const string UnknownRule = "MeshOps.UnknownRule";

    /// <summary>A -KnownService entry (or a line of the -KnownServicesPath file) that is not name or name.namespace, or a file that cannot be read.</summary>
    public const string InvalidKnownService = "MeshOps.InvalidKnownService";

    /// <summary>A rule ID or pattern that Get-MeshRule finds no rule for: a lookup that found nothing, as with Get-Command.</summary>
    public const string RuleNotFound = "MeshOps.RuleNotFound";

    /// <summary>Test-MeshConfig read no object at all (an empty pipeline, a folder of no manifests): a check of nothing is no pass.</summary>
    public const string NothingAnalysed = "MeshOps.NothingAnalysed";

    /// <summary>Piped records PowerShell could not bind to Test-MeshConfig: input that was dropped, so no pass.</summary>
    public const string InputNotBound = "MeshOps.InputNotBound";

    /// <summary>Parameters that ask for contradictory things (-Namespace with -AllNamespaces).</summary>
    public const string ConflictingParameters = "MeshOps.ConflictingParameters";

    /// <summary>No cluster connection could be built: no kubeconfig, an unknown -Context, an unreadable kubeconfig.</summary>
    public const string KubeconfigInvalid = "MeshOps.KubeconfigInvalid";

    /// <summary>The API server refused the credentials (401): the token expired or is wrong.</summary>
    public const string ClusterUnauthorized = "MeshOps.ClusterUnauthorized";

    /// <summary>The API server could not be reached (refused, DNS, TLS, timeout) or kept failing after retries.</summary>
    public const string ClusterUnreachable = "MeshOps.ClusterUnreachable";

    /// <summary>Resolve-MeshError was given no line that holds an Envoy failure it knows.</summary>
    public const string ErrorNotRecognised = "MeshOps.ErrorNotRecognised";

    /// <summary>Export-MeshGraph -OutFile -NoClobber named a file that exists.</summary>
    public const string OutFileExists = "MeshOps.OutFileExists";

    /// <summary>Export-MeshGraph could not write its -OutFile, or Test-MeshConfig its -OutputFile (a missing folder, no permission).</summary>
    public const string OutFileUnwritable = "MeshOps.OutFileUnwritable";
    /// <summary>An Envoy admin that could not be reached: refused, timed out, the port-forward failed.</summary>
    public const string EnvoyUnreachable = "MeshOps.EnvoyUnreachable";

    /// <summary>An Envoy admin that answered, but with an error status, a body cut short or one past the size limit.</summary>
    public const string EnvoyAdminFailed = "MeshOps.EnvoyAdminFailed";

    /// <summary>An admin answer or a saved file that is not what the endpoint returns; nothing of it is written.</summary>
    public const string EnvoyOutputInvalid = "MeshOps.EnvoyOutputInvalid";

    /// <summary>An -AdminUrl that is not an absolute http:// or https:// URL.</summary>
    public const string InvalidAdminUrl = "MeshOps.InvalidAdminUrl";

    /// <summary>A -Pod that does not exist in the namespace.</summary>
    public const string PodNotFound = "MeshOps.PodNotFound";

    /// <summary>A -Pod that is not Running (pending, finished, being deleted): no sidecar to answer.</summary>
    public const string PodNotRunning = "MeshOps.PodNotRunning";

    /// <summary>A -Service that does not exist in the namespace.</summary>
    public const string ServiceNotFound = "MeshOps.ServiceNotFound";

    /// <summary>A -Service with no selector or no running pod behind it: nothing to ask, which is no answer.</summary>
    public const string ServiceHasNoPods = "MeshOps.ServiceHasNoPods";

    /// <summary>A -Filter that is no valid regular expression (with -Regex), refused before any sidecar is asked.</summary>
    public const string InvalidFilter = "MeshOps.InvalidFilter";

    /// <summary>New-MeshIntention was asked for an intention Consul would refuse; the message is the Consul server's.</summary>
    public const string InvalidIntention = "MeshOps.InvalidIntention";

    /// <summary>ConvertTo-MeshYaml was given an object that is no Kubernetes or mesh resource (or a Secret, which it never writes).</summary>
    public const string NotAMeshObject = "MeshOps.NotAMeshObject";

    // Read and compare (issue 14): Get-MeshIntention, Get-MeshServiceDefault, Get-MeshConfig, Compare-MeshConfig.

    /// <summary>A -Name without wildcards that names no resource of the kinds read, as Get-Process reports a missing process.</summary>
    public const string MeshConfigNotFound = "MeshOps.MeshConfigNotFound";

    /// <summary>Compare-MeshConfig was given a -Desired item that is neither a path nor a MeshOps.Consul resource.</summary>
    public const string NotComparable = "MeshOps.NotComparable";

    // Issue 14, Generate: New-MeshServiceDefault, New-MeshServiceAccount, New-MeshServicePort, Export-MeshManifest.

    /// <summary>A ServiceDefaults, Service or ServiceAccount Consul or the API server would refuse; the message is theirs.</summary>
    public const string InvalidMeshObject = "MeshOps.InvalidMeshObject";

    /// <summary>Export-MeshManifest would replace a file that exists, and -Force was not given; nothing is written.</summary>
    public const string ManifestExists = "MeshOps.ManifestExists";

    /// <summary>Export-MeshManifest -Split would write two objects to one file name; nothing is written.</summary>
    public const string ManifestCollision = "MeshOps.ManifestCollision";

    /// <summary>Export-MeshManifest cannot write a target: a folder where a file goes, a missing folder, no permission.</summary>
    public const string ManifestWriteFailed = "MeshOps.ManifestWriteFailed";

    /// <summary>A rule Error on an object Export-MeshManifest was to write, judged among the -ContextPath manifests: nothing was written.</summary>
    public const string WriteBlockedByRule = "MeshOps.WriteBlockedByRule";

    // Publish-MeshConfig (issue 14, apply and verify).
    /// <summary>A rule Error on an object Publish-MeshConfig was to apply: nothing was sent.</summary>
    public const string ApplyBlockedByRule = "MeshOps.ApplyBlockedByRule";

    /// <summary>Another field manager owns a field the apply would change (409); nothing was written.</summary>
    public const string ApplyConflict = "MeshOps.ApplyConflict";

    /// <summary>The API server refused an object (invalid, forbidden, no such CRD); nothing was written when it was refused in the dry run.</summary>
    public const string ApplyRefused = "MeshOps.ApplyRefused";

    /// <summary>Test-MeshConfig -OutputFile named a file whose format its name does not say, and no -OutputFormat was given.</summary>
    public const string OutputFormatUnknown = "MeshOps.OutputFormatUnknown";

    /// <summary>Test-MeshConfig -FailOn: findings at or above the severity were reported, so the run fails (pwsh -Command exits 1).</summary>
    public const string FindingsFailedGate = "MeshOps.FindingsFailedGate";

    // Invoke-MeshCheck (issue 15): ops-check suites run through Pester in a pipeline.

    /// <summary>No Pester 5 or later to run suites with: none installed, or only Pester 3.4/4.x (named in the message).</summary>
    public const string PesterNotFound = "MeshOps.PesterNotFound";

    /// <summary>An Invoke-MeshCheck -Suite that is a file but no PowerShell script.</summary>
    public const string InvalidSuite = "MeshOps.InvalidSuite";

    /// <summary>A check failed, or a suite could not run (a syntax error, a BeforeAll that threw): the run fails (pwsh -Command exits 1).</summary>
    public const string ChecksFailed = "MeshOps.ChecksFailed";

    /// <summary>The suites ran no test (none written, or -Tag/-ExcludeTag left none): a run that checked nothing is no pass.</summary>
    public const string NoChecksRun = "MeshOps.NoChecksRun";

    /// <summary>Invoke-Pester itself failed outside any test (a configuration it refused), so there is no result.</summary>
    public const string ChecksNotRun = "MeshOps.ChecksNotRun";

    /// <exception cref="ArgumentOutOfRangeException">The ID is not in this table: a programming error.</exception>
    public static ErrorCategory CategoryOf(string errorId) => errorId switch
    {
        NotFileSystemPath or UnknownRule or InvalidKnownService or InputNotBound => ErrorCategory.InvalidArgument,
        InvalidFilter => ErrorCategory.InvalidArgument,
        InvalidIntention or NotAMeshObject => ErrorCategory.InvalidArgument,
        ApplyBlockedByRule => ErrorCategory.InvalidData,
        ApplyConflict or ApplyRefused => ErrorCategory.InvalidOperation,
        OutputFormatUnknown => ErrorCategory.InvalidArgument,
        FindingsFailedGate => ErrorCategory.InvalidResult,
        RuleNotFound or NothingAnalysed => ErrorCategory.ObjectNotFound,
        ErrorNotRecognised => ErrorCategory.InvalidData,
        OutFileExists => ErrorCategory.ResourceExists,
        OutFileUnwritable => ErrorCategory.WriteError,
        KubeconfigInvalid or ConflictingParameters => ErrorCategory.InvalidArgument,
        ClusterUnauthorized => ErrorCategory.AuthenticationError,
        ClusterUnreachable => ErrorCategory.ConnectionError,
        EnvoyUnreachable => ErrorCategory.ConnectionError,
        EnvoyAdminFailed => ErrorCategory.InvalidResult,
        EnvoyOutputInvalid => ErrorCategory.InvalidData,
        InvalidAdminUrl => ErrorCategory.InvalidArgument,
        PodNotFound or ServiceNotFound or ServiceHasNoPods => ErrorCategory.ObjectNotFound,
        PodNotRunning => ErrorCategory.ResourceUnavailable,
        LoadErrorIds.KubernetesForbidden => ErrorCategory.PermissionDenied,
        MeshConfigNotFound => ErrorCategory.ObjectNotFound,
        NotComparable => ErrorCategory.InvalidArgument,
        InvalidMeshObject or ManifestCollision => ErrorCategory.InvalidArgument,
        ManifestExists => ErrorCategory.ResourceExists,
        WriteBlockedByRule => ErrorCategory.InvalidData,
        ManifestWriteFailed => ErrorCategory.WriteError,
        PesterNotFound => ErrorCategory.NotInstalled,
        InvalidSuite => ErrorCategory.InvalidArgument,
        ChecksFailed => ErrorCategory.InvalidResult,
        NoChecksRun => ErrorCategory.ObjectNotFound,
        ChecksNotRun => ErrorCategory.InvalidOperation,
        _ when LoadErrorIds.Kinds.TryGetValue(errorId, out var kind) => kind switch
        {
            LoadErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            LoadErrorKind.ReadError => ErrorCategory.ReadError,
            LoadErrorKind.InvalidData => ErrorCategory.InvalidData,
            LoadErrorKind.LimitExceeded => ErrorCategory.LimitsExceeded,
            _ => throw new ArgumentOutOfRangeException(nameof(errorId), errorId, $"No category for the load error kind {kind}."),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(errorId), errorId, "Not an error ID of the MeshOps module."),
    };

    /// <summary>
    /// The exception an error record of this ID carries when the cmdlet has none of its own to pass on: what PowerShell's
    /// own cmdlets use for the category, and <see cref="InvalidDataException"/> for an input that could not be used.
    /// </summary>
    public static Exception NewException(string errorId, string message) => CategoryOf(errorId) switch
    {
        ErrorCategory.ObjectNotFound => new ItemNotFoundException(message),
        ErrorCategory.InvalidArgument => new ArgumentException(message),
        _ => new InvalidDataException(message),
    };
}
