#if NETFRAMEWORK
namespace System.Runtime.CompilerServices;

/// <summary>The compiler's module-initializer marker, which .NET Framework lacks (written here rather than generated: see src/Directory.Build.props).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class ModuleInitializerAttribute : Attribute
{
}
#endif
