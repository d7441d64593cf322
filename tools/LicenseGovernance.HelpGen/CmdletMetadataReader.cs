using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using LicenseGovernance.HelpGen.Model;

namespace LicenseGovernance.HelpGen
{
    /// <summary>
    /// Reads cmdlet declarations from a built cmdlet assembly without loading it for execution. PowerShellStandard.Library
    /// is a reference stub (its attributes have no behaviour), so everything comes from <see cref="CustomAttributeData"/>
    /// inside a <see cref="MetadataLoadContext"/>. The help generator and the metadata tests share this one reader.
    /// </summary>
    public sealed class CmdletMetadataReader : IDisposable
    {
        private const string Sma = "System.Management.Automation.";
        private static readonly string[] ConfirmImpactNames = { "None", "Low", "Medium", "High" };

        private readonly MetadataLoadContext context;

        public CmdletMetadataReader(string cmdletAssemblyPath)
        {
            var fullPath = Path.GetFullPath(cmdletAssemblyPath);
            if (!File.Exists(fullPath))
            {
                throw new FileNotFoundException($"The cmdlet assembly '{fullPath}' does not exist. Build the module first.", fullPath);
            }

            // The module folder serves the cmdlet assembly's siblings (contracts, loader); the running runtime serves
            // System.* and netstandard; the PowerShell reference assembly comes from the NuGet cache.
            var moduleFolder = Path.GetDirectoryName(fullPath)!;
            var paths = Directory.GetFiles(moduleFolder, "*.dll")
                .Concat(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
                .Append(FindPowerShellReferenceAssembly());
            context = new MetadataLoadContext(new PathAssemblyResolver(paths));
            CmdletAssembly = context.LoadFromAssemblyPath(fullPath);
        }

        public Assembly CmdletAssembly { get; }

        /// <summary>Loads an assembly beside the cmdlet assembly (or from the runtime) into the same metadata-only context.</summary>
        public Assembly Load(string assemblyName) => context.LoadFromAssemblyName(assemblyName);

        /// <summary>System.Management.Automation.dll of PowerShellStandard.Library 5.1.1, the reference the cmdlets compile against.</summary>
        public static string FindPowerShellReferenceAssembly()
        {
            var nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (string.IsNullOrEmpty(nugetRoot))
            {
                nugetRoot = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            }

            var path = Path.Combine(nugetRoot, "powershellstandard.library", "5.1.1", "lib", "netstandard2.0", "System.Management.Automation.dll");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"PowerShellStandard.Library 5.1.1 is not in the NuGet cache ({path}). Restore the solution first.", path);
            }

            return path;
        }

        /// <summary>Every public, non-abstract [Cmdlet] type, ordered by cmdlet name so that output is deterministic.</summary>
        public IReadOnlyList<CmdletInfo> ReadCmdlets()
        {
            var cmdlets = new List<CmdletInfo>();
            foreach (var type in CmdletAssembly.GetExportedTypes())
            {
                if (type.IsAbstract || !type.IsClass)
                {
                    continue;
                }

                var cmdletAttribute = FindAttribute(type.GetCustomAttributesData(), "CmdletAttribute");
                if (cmdletAttribute != null)
                {
                    cmdlets.Add(ReadCmdlet(type, cmdletAttribute));
                }
            }

            return cmdlets.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        }

        private static CmdletInfo ReadCmdlet(Type type, CustomAttributeData cmdletAttribute)
        {
            var verb = (string)cmdletAttribute.ConstructorArguments[0].Value!;
            var noun = (string)cmdletAttribute.ConstructorArguments[1].Value!;
            var supportsShouldProcess = Named(cmdletAttribute, "SupportsShouldProcess") as bool? ?? false;
            var impactValue = Named(cmdletAttribute, "ConfirmImpact");
            var confirmImpact = impactValue == null ? "Medium" : ConfirmImpactNames[Convert.ToInt32(impactValue)];
            var defaultSet = Named(cmdletAttribute, "DefaultParameterSetName") as string;

            var parameters = new List<CmdletParameter>();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var parameter = ReadParameter(property);
                if (parameter != null)
                {
                    parameters.Add(parameter);
                }
            }

            if (supportsShouldProcess)
            {
                parameters.Add(ShouldProcessParameter("WhatIf", "wi"));
                parameters.Add(ShouldProcessParameter("Confirm", "cf"));
            }

            return new CmdletInfo(type.FullName!, verb, noun, supportsShouldProcess, confirmImpact, defaultSet, parameters, ReadOutputTypes(type));
        }

        private static CmdletParameter? ReadParameter(PropertyInfo property)
        {
            var attributes = property.GetCustomAttributesData();
            var bindings = attributes.Where(a => IsSmaAttribute(a, "ParameterAttribute")).Select(ReadBinding).ToList();
            if (bindings.Count == 0)
            {
                return null;
            }

            var aliases = attributes.Where(a => IsSmaAttribute(a, "AliasAttribute")).SelectMany(StringArguments).ToList();
            var validValues = attributes.Where(a => IsSmaAttribute(a, "ValidateSetAttribute")).SelectMany(StringArguments).ToList();
            var type = property.PropertyType;
            var isSwitch = type.FullName == Sma + "SwitchParameter";
            return new CmdletParameter(property.Name, FormatType(type, fullName: true), FormatType(type, fullName: false), isSwitch,
                aliases, validValues, bindings, isShouldProcessParameter: false);
        }

        private static ParameterBinding ReadBinding(CustomAttributeData attribute)
        {
            var position = Named(attribute, "Position") as int?;
            return new ParameterBinding(
                Named(attribute, "ParameterSetName") as string ?? CmdletParameter.AllParameterSets,
                Named(attribute, "Mandatory") as bool? ?? false,
                position == int.MinValue ? null : position,
                Named(attribute, "ValueFromPipeline") as bool? ?? false,
                Named(attribute, "ValueFromPipelineByPropertyName") as bool? ?? false,
                Named(attribute, "HelpMessage") as string);
        }

        private static CmdletParameter ShouldProcessParameter(string name, string alias) => new CmdletParameter(
            name, Sma + "SwitchParameter", "SwitchParameter", isSwitch: true, new[] { alias }, Array.Empty<string>(),
            new[] { new ParameterBinding(CmdletParameter.AllParameterSets, false, null, false, false, null) }, isShouldProcessParameter: true);

        private static IReadOnlyList<string> ReadOutputTypes(Type type)
        {
            var names = new List<string>();
            foreach (var attribute in type.GetCustomAttributesData().Where(a => IsSmaAttribute(a, "OutputTypeAttribute")))
            {
                foreach (var argument in attribute.ConstructorArguments.SelectMany(Flatten))
                {
                    // [OutputType] takes either types or type names; both end up as a full name here.
                    var name = argument.Value is Type outputType ? FormatType(outputType, fullName: true) : argument.Value as string;
                    if (!string.IsNullOrEmpty(name) && !names.Contains(name!))
                    {
                        names.Add(name!);
                    }
                }
            }

            return names;
        }

        /// <summary>Type names the way PowerShell writes them: Nullable&lt;T&gt; binds as T, generics in brackets, arrays with [].</summary>
        public static string FormatType(Type type, bool fullName)
        {
            if (type.IsArray)
            {
                return FormatType(type.GetElementType()!, fullName) + "[]";
            }

            if (type.IsGenericType)
            {
                var arguments = type.GetGenericArguments();
                if (type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
                {
                    return FormatType(arguments[0], fullName);
                }

                var definition = fullName ? type.GetGenericTypeDefinition().FullName! : type.Name;
                var tick = definition.IndexOf('`');
                return (tick < 0 ? definition : definition.Substring(0, tick)) + "[" + string.Join(",", arguments.Select(a => FormatType(a, fullName))) + "]";
            }

            return fullName ? type.FullName ?? type.Name : type.Name;
        }

        private static CustomAttributeData? FindAttribute(IEnumerable<CustomAttributeData> attributes, string name) =>
            attributes.FirstOrDefault(a => IsSmaAttribute(a, name));

        private static bool IsSmaAttribute(CustomAttributeData attribute, string name) => attribute.AttributeType.FullName == Sma + name;

        private static object? Named(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

        private static IEnumerable<string> StringArguments(CustomAttributeData attribute) =>
            attribute.ConstructorArguments.SelectMany(Flatten).Select(a => a.Value as string).Where(s => s != null).Select(s => s!);

        /// <summary>A params array argument arrives as one argument holding a collection of arguments.</summary>
        private static IEnumerable<CustomAttributeTypedArgument> Flatten(CustomAttributeTypedArgument argument) =>
            argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items ? items : new[] { argument };

        public void Dispose() => context.Dispose();
    }
}
