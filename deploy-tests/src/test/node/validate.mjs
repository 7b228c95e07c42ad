// Validates every Kubernetes object in the given YAML files against the schemas that
// kubernetes-models compiles from the Kubernetes OpenAPI: required fields, types, enums.
// Prints one line per problem ("file: Kind/name: message") and exits 1 when any is found,
// 2 when the input cannot be read. Unknown fields are the Java side's job (fabric8 walk):
// these schemas allow additional properties.
import { readFileSync } from 'node:fs';
import * as yaml from 'js-yaml';

const problems = [];
let checked = 0;

for (const file of process.argv.slice(2)) {
	let docs;
	try {
		docs = yaml.loadAll(readFileSync(file, 'utf8'));
	}
	catch (error) {
		console.error(`${file}: cannot read YAML: ${error.message}`);
		process.exit(2);
	}
	for (const doc of docs) {
		if (doc === null || doc === undefined) {
			continue;
		}
		const where = `${file}: ${doc.kind}/${doc.metadata?.name}`;
		if (typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string') {
			problems.push(`${where}: apiVersion and kind are required`);
			continue;
		}
		let module;
		try {
			module = await import(`kubernetes-models/${doc.apiVersion}`);
		}
		catch (error) {
			problems.push(`${where}: unknown apiVersion ${doc.apiVersion}`);
			continue;
		}
		const Model = module[doc.kind];
		if (typeof Model !== 'function' || Model.kind !== doc.kind) {
			problems.push(`${where}: unknown kind ${doc.kind} in ${doc.apiVersion}`);
			continue;
		}
		try {
			new Model(doc).validate();
			checked++;
		}
		catch (error) {
			problems.push(`${where}: ${error.message.replace(/\s+/g, ' ')}`);
		}
	}
}

for (const problem of problems) {
	console.log(problem);
}
console.error(`checked ${checked} objects, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
