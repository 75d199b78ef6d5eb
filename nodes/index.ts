/**
 * The registry of node types: every node file in this folder, declared once. The page reads it for
 * the palette and inspector; the worker and the CLI run it.
 */
import type { NodeDef } from '../src/core/contract/node';
import cleanSelect from './clean.select';
import cleanMissing from './clean.missing';
import clusterKmeans from './cluster.kmeans';
import featureScale from './feature.scale';
import viewTable from './view.table';
import ingestFile from './ingest.file';
import ingestSample from './ingest.sample';
import ingestSocial from './ingest.social';
import featureAggregate from './feature.aggregate';
import cleanFilter from './clean.filter';
import cleanDedupe from './clean.dedupe';
import cleanCast from './clean.cast';
import cleanText from './clean.text';
import cleanAnonymize from './clean.anonymize';
import featureEncode from './feature.encode';
import featureTime from './feature.time';
import featureJoin from './feature.join';
import featureKeywords from './feature.keywords';
import exportFile from './export.file';
import textSentiment from './text.sentiment';
import textTopics from './text.topics';
import clusterHierarchical from './cluster.hierarchical';
import clusterProfile from './cluster.profile';
import featurePca from './feature.pca';
import viewChart from './view.chart';
import viewPersonas from './view.personas';
import journeyStage from './journey.stage';
import journeyMap from './journey.map';
import journeyPaths from './journey.paths';
import networkGraph from './network.graph';
import networkInfluencers from './network.influencers';
import trendDetect from './trend.detect';
import modelTrain from './model.train';
import modelPredict from './model.predict';
import modelLoad from './model.load';

export const NODE_TYPES: NodeDef[] = [
  ingestFile,
  ingestSample,
  ingestSocial,
  cleanSelect,
  cleanMissing,
  cleanFilter,
  cleanDedupe,
  cleanCast,
  cleanText,
  cleanAnonymize,
  featureAggregate,
  featureScale,
  featureEncode,
  featureTime,
  featureJoin,
  featureKeywords,
  featurePca,
  clusterKmeans,
  clusterHierarchical,
  clusterProfile,
  textSentiment,
  textTopics,
  journeyStage,
  journeyMap,
  journeyPaths,
  networkGraph,
  networkInfluencers,
  trendDetect,
  modelTrain,
  modelPredict,
  modelLoad,
  viewTable,
  viewChart,
  viewPersonas,
  exportFile,
];

const byType = new Map(NODE_TYPES.map((def) => [def.type, def]));

/** The declaration of a node type, or undefined. */
export const getNode = (type: string): NodeDef | undefined => byType.get(type);
