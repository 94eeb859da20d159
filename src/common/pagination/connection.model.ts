import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
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
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfoModel)
    pageInfo: PageInfoModel;

    @Field(() => Int, { description: 'All matching records, across pages.' })
    totalCount: number;
  }
  return ConnectionClass;
}
