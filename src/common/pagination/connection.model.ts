import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { free } from '../graphql/cost/query-cost';
import { PageInfoModel } from './page-info.model';

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfoModel;
  totalCount: number;
}

/** Builds the Relay-style `<Name>Connection` and `<Name>Edge` types for a node type. */
export function ConnectionType<T>(nodeType: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    // The connection's `first` already counts the nodes (see query-cost.ts).
    @Field(() => [Edge], { complexity: free })
    edges: Edge[];

    @Field(() => PageInfoModel, { complexity: free })
    pageInfo: PageInfoModel;

    @Field(() => Int, { description: 'All matching records, across pages.' })
    totalCount: number;
  }
  return ConnectionClass;
}
